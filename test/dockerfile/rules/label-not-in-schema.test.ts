import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'label-not-in-schema';

describe(rule, () => {
  test('only with strictLabels; at the key', async () => {
    const text = 'FROM x:1\nLABEL a=1 c=2\n';
    expect(await at(rule, text, { labelSchema: { a: 'text' } })).toEqual([]);
    expect(await at(rule, text, { labelSchema: { a: 'text' }, strictLabels: true })).toEqual(['c']);
  });
});
