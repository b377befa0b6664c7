import { describe, expect, test } from 'vitest';
import { hits } from './helpers.js';

const rule = 'duplicate-stage-name';

describe(rule, () => {
  test('every later duplicate is reported at its alias, naming the first', async () => {
    const found = await hits(rule, 'FROM a:1 AS x\nFROM b:1 AS y\nFROM c:1 AS X\nFROM d:1 AS x\n');
    expect(found.map((h) => h.at)).toEqual(['X', 'x']);
    expect(found[0]!.message).toContain('line 1');
    expect(found[0]!.message).toContain('without case');
  });
});
