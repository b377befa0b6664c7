import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { captureIo } from '../helpers/io.js';

describe('cli', () => {
  test('--help lists the commands and exits 0', async () => {
    const io = captureIo();
    expect(await runCli(['--help'], io)).toBe(0);
    for (const c of ['generate', 'init', 'lint', 'rules', 'explain', 'schema']) expect(io.stdout).toContain(`slipway ${c}`);
  });
  test('an unknown command is a usage error with exit status 2 and no stack trace', async () => {
    const io = captureIo();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.stderr).toMatch(/^slipway: error: Unknown argument: frobnicate/);
    expect(io.stderr).not.toMatch(/\n\s+at /);
  });
  test('--version prints the package version', async () => {
    const io = captureIo();
    expect(await runCli(['--version'], io)).toBe(0);
    expect(io.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
