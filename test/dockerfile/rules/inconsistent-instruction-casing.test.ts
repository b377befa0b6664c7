import { describe, expect, test } from 'vitest';
import { at, fixed } from './helpers.js';

const rule = 'inconsistent-instruction-casing';

describe(rule, () => {
  test('the majority wins, upper case on a tie; mixed case is always reported', async () => {
    expect(await at(rule, 'from a:1\nRUN x\n')).toEqual(['from']);
    expect(await at(rule, 'from a:1\nrun x\nRUN y\nCopy a b\n')).toEqual(['RUN', 'Copy']);
    expect(await fixed(rule, 'FROM a:1\nonbuild run x\nRUN y\nCMD z\n')).toBe('FROM a:1\nONBUILD RUN x\nRUN y\nCMD z\n');
  });
});
