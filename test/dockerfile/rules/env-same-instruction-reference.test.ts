import { describe, expect, test } from 'vitest';
import { at, hits } from './helpers.js';

const rule = 'env-same-instruction-reference';

describe(rule, () => {
  test('references to earlier pairs, at the reference; later pairs, own name and escapes are fine', async () => {
    const text = "FROM a:1\nENV A=1 B=$A C=${A:-x} D=\\$A E='$A' F=$F G=$H H=2\n";
    expect(await at(rule, text)).toEqual(['$A', '${A:-x}']);
  });

  test('the message gives the value actually used', async () => {
    const [hit] = await hits(rule, 'FROM a:1\nENV V=1\nENV V=2 U=$V\n');
    expect(hit!.message).toContain('old value `1`');
  });
});
