import { describe, expect, test } from 'vitest';
import { applyFixes, applyFixesDetailed } from '../../src/lint/engine/apply-fixes.js';
import { fixText } from '../../src/lint/index.js';
import { fakeRegistry } from './fake-kinds.js';

describe('applyFixes', () => {
  test('applies edits given in any order', () => {
    expect(applyFixes('abcdef', [{ range: [4, 5], text: 'E' }, { range: [0, 1], text: 'A' }])).toBe('AbcdEf');
  });

  test('insertions, deletions and replacements; two insertions at one offset keep their order', () => {
    expect(applyFixes('abc', [{ range: [1, 1], text: 'X' }, { range: [1, 1], text: 'Y' }, { range: [2, 3], text: '' }])).toBe('aXYb');
  });

  test('a group that overlaps an earlier one is skipped whole', () => {
    const outcome = applyFixesDetailed('0123456789', [
      [{ range: [2, 5], text: 'a' }],
      [
        { range: [4, 6], text: 'b' },
        { range: [8, 9], text: 'c' },
      ],
      { range: [9, 10], text: 'd' },
    ]);
    expect(outcome).toEqual({ output: '01a5678d', applied: 2, skipped: 1 });
  });

  test('an insertion strictly inside a replaced range overlaps it; one at its edge does not', () => {
    expect(applyFixesDetailed('abcd', [{ range: [1, 3], text: 'X' }, { range: [2, 2], text: 'I' }]).skipped).toBe(1);
    expect(applyFixes('abcd', [{ range: [1, 3], text: 'X' }, { range: [3, 3], text: 'I' }])).toBe('aXId');
  });
});

describe('fixText', () => {
  test('fixes until no fix applies and says whether the result parses', async () => {
    const result = await fixText('foo\na foo foo\n', { kind: 'dockerfile', registry: fakeRegistry() });
    expect(result).toEqual({ output: 'bar\na bar bar\n', passes: 1, parses: true });
  });
});
