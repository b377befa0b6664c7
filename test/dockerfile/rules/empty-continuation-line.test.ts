import { describe, expect, test } from 'vitest';
import { at, fixed } from './helpers.js';

const rule = 'empty-continuation-line';

describe(rule, () => {
  test('every empty line of a continuation; here-document bodies and ONBUILD triggers', async () => {
    const text = 'FROM a:1\nRUN a \\\n\n  && b \\\n\n  && c\nRUN <<EOF\nx\n\ny\nEOF\nONBUILD RUN d \\\n\n  e\n\nCMD ["x"]\n';
    expect((await at(rule, text)).length).toBe(3);
    expect(await fixed(rule, text)).toBe('FROM a:1\nRUN a \\\n  && b \\\n  && c\nRUN <<EOF\nx\n\ny\nEOF\nONBUILD RUN d \\\n  e\n\nCMD ["x"]\n');
  });
});
