import { expect } from 'vitest';

/** The summary line of a pytest run in `output` (`3 passed, 2 warnings in 0.19s`), or ''. */
export function pytestSummary(output: string): string {
  return /^=+ (.*\bin [\d.]+s) =+\s*$/m.exec(output)?.[1] ?? '';
}

/** Asserts that `output` holds a pytest run in which tests passed and none failed. */
export function expectPytestPassed(output: string): void {
  const summary = pytestSummary(output);
  expect(summary, `no pytest summary in:\n${output.slice(-2000)}`).toMatch(/\b[1-9]\d* passed\b/);
  expect(summary).not.toMatch(/\b(failed|errors?)\b/);
}
