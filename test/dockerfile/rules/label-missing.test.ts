import { describe, expect, test } from 'vitest';
import { hits } from './helpers.js';

const rule = 'label-missing';
const options = { labelSchema: { a: 'text', b: 'text' } };

describe(rule, () => {
  test('final and standalone stages; parents and copy sources are skipped; labels are inherited', async () => {
    const text = 'FROM x:1 AS build\nFROM x:1 AS base\nLABEL a=1\nFROM base AS test\nFROM base\nLABEL b=2\nCOPY --from=build /a /a\n';
    const found = await hits(rule, text, options);
    expect(found.map((h) => h.at)).toEqual(['FROM base']);
    expect(found[0]!.message).toContain('`b`');
  });

  test('off without a schema', async () => {
    expect(await hits(rule, 'FROM x:1\n')).toEqual([]);
  });
});
