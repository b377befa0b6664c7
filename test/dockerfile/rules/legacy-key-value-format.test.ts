import { describe, expect, test } from 'vitest';
import { at, fixed } from './helpers.js';

const rule = 'legacy-key-value-format';

describe(rule, () => {
  test('fixes one-line values, quoting them when they have spaces', async () => {
    const text = 'FROM a:1\nENV A 1\nENV B "x y"\nENV C x y\nLABEL d $X\nENV E=1\n';
    expect(await at(rule, text)).toEqual(['A', 'B', 'C', 'd']);
    expect(await fixed(rule, text)).toBe('FROM a:1\nENV A=1\nENV B="x y"\nENV C="x y"\nLABEL d=$X\nENV E=1\n');
  });

  test('values over several lines or with quotes inside spaces are reported, not fixed', async () => {
    const text = "FROM a:1\nENV DEPS \\\n    curl \\\n    git\nENV F a 'b c'\n";
    expect(await at(rule, text)).toEqual(['DEPS', 'F']);
    expect(await fixed(rule, text)).toBe(text);
  });
});
