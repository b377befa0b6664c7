import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'instruction-before-from';

describe(rule, () => {
  test('every instruction before the first FROM except ARG, at its keyword', async () => {
    const text = '# syntax=docker/dockerfile:1\nARG A=1\nenv B=2\nLABEL x=y\nFROM alpine:3.20\nENV C=3\n';
    expect(await at(rule, text)).toEqual(['env', 'LABEL']);
  });
});
