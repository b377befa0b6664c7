/**
 * What the examples' test runners print when their tests pass: pytest's summary, `node --test`'s
 * totals, `go test`'s per-package verdicts. A run that printed none of them did not run the tests.
 */
import { expect } from 'vitest';
import { expectPytestPassed } from './pytest.js';

/** The totals of a `node --test` run (`# pass 3` with the TAP reporter, `ℹ pass 3` with spec), or undefined. */
export function nodeTestTotals(output: string): { pass: number; fail: number } | undefined {
  const count = (key: string) => [...output.matchAll(new RegExp(`^(?:#|ℹ) ${key} (\\d+)\\s*$`, 'gm'))].at(-1)?.[1];
  const pass = count('pass');
  const fail = count('fail');
  return pass === undefined || fail === undefined ? undefined : { pass: Number(pass), fail: Number(fail) };
}

/** The packages of a `go test` run that passed (`ok  example.com/m  0.1s`) and failed (`FAIL example.com/m …`). */
export function goTestPackages(output: string): { ok: string[]; failed: string[] } {
  const ok = [...output.matchAll(/^ok\s+(\S+)\s+(?:\(cached\)|[\d.]+s)/gm)].map((m) => m[1]!);
  const failed = [...output.matchAll(/^FAIL\s+(\S+)\s/gm)].map((m) => m[1]!);
  return { ok, failed };
}

/** Asserts that `output` holds a test run of `language`'s runner in which tests passed and none failed. */
export function expectTestsPassed(language: string, output: string): void {
  const tail = output.slice(-2000);
  if (language === 'python') return expectPytestPassed(output);
  if (language === 'node') {
    const totals = nodeTestTotals(output);
    expect(totals, `no node --test totals in:\n${tail}`).toBeDefined();
    expect(totals!.pass, `no test passed:\n${tail}`).toBeGreaterThan(0);
    expect(totals!.fail, `tests failed:\n${tail}`).toBe(0);
    return;
  }
  if (language === 'go') {
    const { ok, failed } = goTestPackages(output);
    expect(ok.length, `no package passed go test in:\n${tail}`).toBeGreaterThan(0);
    expect(failed, `go test failed:\n${tail}`).toEqual([]);
    expect(output).not.toMatch(/^--- FAIL/m);
    return;
  }
  throw new Error(`no test output check for language ${language}`);
}
