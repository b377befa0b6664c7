import { describe, expect, test } from 'vitest';
import { at, fixed } from './helpers.js';

const rule = 'user-not-numeric';

describe(rule, () => {
  test('names are reported, numbers and variables are not; only root is fixed', async () => {
    const text = 'FROM a:1\nUSER app\nUSER 1000:app\nUSER root\nUSER root:1\nUSER $U\nUSER 1000\nUSER app:0\n';
    expect(await at(rule, text)).toEqual(['app', 'root', 'root:1', 'app:0']);
    expect(await fixed(rule, text)).toBe('FROM a:1\nUSER app\nUSER 1000:app\nUSER 0\nUSER 0:1\nUSER $U\nUSER 1000\nUSER app:0\n');
  });
});
