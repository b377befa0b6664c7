import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'label-empty';

describe(rule, () => {
  test('empty schema labels, literal or through a variable', async () => {
    const text = 'FROM x:1\nENV E=\nLABEL a="" b=$E c= d=""\n';
    expect(await at(rule, text, { labelSchema: { a: 'text', b: 'url', c: 'text' } })).toEqual(['""', '$E', 'c']);
  });
});
