/**
 * Shared helpers of the robustness tests: run counts (small in `npm test`, raised by
 * `npm run fuzz` through FUZZ_RUNS), temporary directories, and the "slipway failed cleanly"
 * assertion every fuzz property ends with.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import fc from 'fast-check';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { captureIo } from '../helpers/io.js';

/**
 * `npm test` runs the properties with a fixed seed (FUZZ_SEED overrides it), so a test run is
 * reproducible and CI cannot fail on an input nobody has seen; `npm run fuzz` (FUZZ_RUNS set) draws
 * new inputs every run to explore, and prints the seed of any failure to replay it with FUZZ_SEED.
 */
if (!process.env.FUZZ_RUNS || process.env.FUZZ_SEED) {
  fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED ?? 20261123) });
}

/** Runs per property: `small` in `npm test`, FUZZ_RUNS (npm run fuzz) when set. */
export function runs(small: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isFinite(n) && n > 0 ? n : small;
}

/** Per-test timeout: longer under `npm run fuzz`. */
export const FUZZ_TIMEOUT = process.env.FUZZ_RUNS ? 3_600_000 : 120_000;

const dirs: string[] = [];
export function tempDir(prefix = 'slipway-robust-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}
export function cleanTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export async function cli(argv: string[]): Promise<CliResult> {
  const io = captureIo();
  const status = await runCli(argv, io);
  return { status, stdout: io.stdout, stderr: io.stderr };
}

/** Exit 0, 1 or 2 with no stack trace and no internal error. */
export function expectClean(r: CliResult, what: string): void {
  const ctx = `${what}\nstatus ${r.status}\nstderr: ${r.stderr.slice(0, 2000)}`;
  expect([0, 1, 2], ctx).toContain(r.status);
  expect(r.stderr, ctx).not.toMatch(/\n\s+at /);
  expect(r.stdout, ctx).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/);
  expect(r.stderr, ctx).not.toMatch(/internal error/i);
}
