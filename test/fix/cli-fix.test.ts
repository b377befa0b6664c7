import { lstatSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { captureIo } from '../helpers/io.js';

const BAD = [
  'FROM debian:12.8',
  '# install what the tests need',
  'RUN apt-get update \\',
  '    && apt-get install "curl" \\',
  "\t&& rm -rf /var/lib/apt/lists/*",
  'MAINTAINER Jane <jane@example.com>',
  '',
].join('\n');

const FIXED = [
  'FROM debian:12.8',
  '# install what the tests need',
  'RUN apt-get update \\',
  '    && apt-get install -y --no-install-recommends "curl" \\',
  "\t&& rm -rf /var/lib/apt/lists/*",
  'LABEL org.opencontainers.image.authors="Jane <jane@example.com>"',
  '',
].join('\n');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slipway-fix-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lint = async (args: string[], stdin?: string) => {
  const io = captureIo();
  if (stdin !== undefined) io.stdin = async () => stdin;
  const code = await runCli(['lint', '--cwd', dir, '--no-config', ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
};

describe('slipway lint --fix', () => {
  test('fixes in place, keeping comments, continuations, indentation and quoting; reports what remains', { timeout: 120_000 }, async () => {
    writeFileSync(join(dir, 'Dockerfile'), BAD);
    const { code, stdout } = await lint(['--fix', 'Dockerfile', '--format', 'json']);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(FIXED);
    const remaining = JSON.parse(stdout) as { ruleId: string }[];
    expect(remaining.map((f) => f.ruleId)).not.toContain('dockerfile/apt-get-missing-yes');
    expect(remaining.map((f) => f.ruleId)).not.toContain('dockerfile/maintainer-deprecated');
    expect(code).toBe(remaining.some((f) => ['error', 'warning'].includes((f as unknown as { severity: string }).severity)) ? 1 : 0);
  });

  test('a file the fixes do not change is not written', async () => {
    writeFileSync(join(dir, 'Dockerfile'), FIXED);
    const before = statSync(join(dir, 'Dockerfile'));
    await new Promise((r) => setTimeout(r, 20));
    await lint(['--fix', 'Dockerfile']);
    const after = statSync(join(dir, 'Dockerfile'));
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  test('a second --fix changes nothing', async () => {
    writeFileSync(join(dir, 'Dockerfile'), BAD);
    await lint(['--fix']);
    const once = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    await lint(['--fix']);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(once);
  });

  test('keeps a byte-order mark and CRLF line ends', async () => {
    writeFileSync(join(dir, 'Dockerfile'), '\ufeff' + BAD.replaceAll('\n', '\r\n'));
    await lint(['--fix', 'Dockerfile']);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('\ufeff' + FIXED.replaceAll('\n', '\r\n'));
  });

  test('--fix-dry-run prints a unified diff, writes nothing, and the report goes to stderr', async () => {
    writeFileSync(join(dir, 'Dockerfile'), BAD);
    const { stdout, stderr } = await lint(['--fix-dry-run', 'Dockerfile']);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(BAD);
    expect(stdout).toMatch(/^--- a\/Dockerfile\n\+\+\+ b\/Dockerfile\n@@ /);
    expect(stdout).toContain('-MAINTAINER Jane <jane@example.com>\n+LABEL org.opencontainers.image.authors="Jane <jane@example.com>"\n');
    expect(stderr).not.toContain('maintainer-deprecated');
    const alias = await lint(['--diff', 'Dockerfile']);
    expect(alias.stdout).toBe(stdout);
  });

  test('--fix-dry-run on clean files prints nothing', async () => {
    writeFileSync(join(dir, 'Dockerfile'), FIXED);
    expect((await lint(['--diff', 'Dockerfile'])).stdout).toBe('');
  });

  test('stdin: prints the fixed text on stdout', async () => {
    const { stdout, stderr } = await lint(['--fix', '-', '--stdin-filename', 'Dockerfile'], BAD);
    expect(stdout).toBe(FIXED);
    expect(stderr).not.toContain('maintainer-deprecated');
  });

  test('fixes Makefile recipe spaces and GitLab CI apt-get -y', async () => {
    writeFileSync(join(dir, 'Makefile'), '.PHONY: test\ntest:\n    pytest -q\n');
    writeFileSync(join(dir, '.gitlab-ci.yml'), 'test:\n  image: debian:12.8\n  script:\n    - apt-get update\n    - apt-get install --no-install-recommends make  # keep me\n');
    await lint(['--fix']);
    expect(readFileSync(join(dir, 'Makefile'), 'utf8')).toBe('.PHONY: test\ntest:\n\tpytest -q\n');
    expect(readFileSync(join(dir, '.gitlab-ci.yml'), 'utf8')).toContain('    - apt-get install -y --no-install-recommends make  # keep me\n');
  });

  test('a suppressed finding is not fixed', async () => {
    const text = 'FROM debian:12.8\n# slipway-ignore dockerfile/maintainer-deprecated -- kept for an old tool\nMAINTAINER me\n';
    writeFileSync(join(dir, 'Dockerfile'), text);
    await lint(['--fix', 'Dockerfile']);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(text);
  });

  test('a symbolic link stays a link and its target is fixed', async () => {
    writeFileSync(join(dir, 'base.Dockerfile'), BAD);
    symlinkSync('base.Dockerfile', join(dir, 'Dockerfile'));
    await lint(['--fix', 'Dockerfile']);
    expect(lstatSync(join(dir, 'Dockerfile')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'base.Dockerfile'), 'utf8')).toBe(FIXED);
  });

  test('--fix with --fix-dry-run is a usage error', async () => {
    writeFileSync(join(dir, 'Dockerfile'), BAD);
    expect((await lint(['--fix', '--diff', 'Dockerfile'])).code).toBe(2);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(BAD);
  });
});
