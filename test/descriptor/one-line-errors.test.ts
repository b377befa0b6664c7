import { describe, expect, test } from 'vitest';
import { resolveDescriptor } from '../../src/descriptor/index.js';
import { InputError, InputErrors } from '../../src/cli/errors.js';

function errorLines(text: string): string[] {
  try {
    resolveDescriptor(text, 'slipway.yaml');
  } catch (err) {
    if (err instanceof InputErrors) return err.errors.map((e) => e.format());
    if (err instanceof InputError) return [err.format()];
    throw err;
  }
  throw new Error('expected the descriptor to be refused');
}

describe('a descriptor value can never break the one-line error form', () => {
  test.each([
    ['a block scalar as the whole file', '|\n', 'the file must be a mapping; got the text `|\\n`'],
    ['NUL characters', '\u0000\n\u0000', undefined],
    ['a multi-line string where an enum is expected', 'name: app\nlanguage: "py\\nthon"\n', undefined],
    ['an unknown key with a newline in it', 'name: app\nlanguage: python\n"ima\nge": {}\n', undefined],
    ['a very long value', `name: app\nlanguage: ${'x'.repeat(500)}\n`, undefined],
  ])('%s', (_what, text, expected) => {
    const lines = errorLines(text);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toMatch(/[\n\r\u0000]/);
      expect(line).toMatch(/^slipway\.yaml(:\d+:\d+)?: error: /);
      expect(line.length).toBeLessThan(400);
    }
    if (expected) expect(lines[0]).toContain(expected);
  });
});
