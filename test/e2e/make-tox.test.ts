/**
 * The generated Makefile and tox.ini run for real on each example project (a temp copy), offline:
 * `make test` and `make lint` pass, and Debian's tox runs the tox.ini's test environment for the
 * Python this machine has (`-e pyXY`, even when the matrix lists other versions: the generated
 * [testenv] serves every pyXY) and its other environments (lint) with `--sitepackages`, the
 * requirements satisfied by the system Python's packages. A flake8 violation makes `make lint` and
 * tox's lint fail, so the lint runs are known to check something.
 * Skipped with the reason when make, tox or a system Python with the examples' packages is missing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exampleLanguage, exampleNames, writeProject } from './helpers/project.js';
import { EXAMPLE_MODULES, findSystemPython, prepareHostPython, pythonVersion } from './helpers/python.js';
import { expectPytestPassed } from './helpers/pytest.js';
import { describeRun, missingCommands, run } from './helpers/run.js';

const systemPython = findSystemPython([...EXAMPLE_MODULES, 'tox']);
const unavailable = missingCommands(['make']).length
  ? 'make is not on PATH'
  : systemPython
    ? undefined
    : `no python3 on PATH can import ${[...EXAMPLE_MODULES, 'tox'].join(', ')} (Debian: tox and the python3-* packages .ci/run installs)`;
if (unavailable) console.warn(`e2e make/tox skipped: ${unavailable}`);

const TIMEOUT = 180_000;
const pythonExamples = exampleNames().filter((e) => exampleLanguage(e) === 'python');
const otherExamples = exampleNames().filter((e) => exampleLanguage(e) !== 'python');
const FLAKE8_VIOLATION = 'import os\nx=1\n';

describe.skipIf(unavailable !== undefined)(`make and tox on the examples${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let work: string;
  let env: NodeJS.ProcessEnv;
  let pyEnv: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'slipway-e2e-make-tox-'));
    env = await prepareHostPython(systemPython!, join(work, 'python'));
    pyEnv = `py${pythonVersion(systemPython!).replace('.', '')}`;
  }, 60_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  for (const example of otherExamples) {
    test.skip(`${example}: not run — these tests cover the Python examples (tox, pytest, flake8) only so far`, () => {});
  }

  describe.each(pythonExamples)('%s', (example) => {
    let dir: string;
    const make = (target: string) => run('make', [target], { cwd: dir, env, timeoutMs: TIMEOUT });
    const tox = (envs: string[]) =>
      run(systemPython!, ['-m', 'tox', '--sitepackages', '--workdir', join(dir, '.tox'), '-e', envs.join(',')], { cwd: dir, env, timeoutMs: TIMEOUT });

    beforeAll(async () => {
      dir = join(work, example);
      await writeProject(dir, example);
    });

    test('`make test` passes the example tests', async () => {
      const result = await make('test');
      expect(result.code, describeRun('make test', result)).toBe(0);
      expectPytestPassed(result.output);
    }, TIMEOUT);

    test('`make lint` passes, and fails on a flake8 violation', async () => {
      const clean = await make('lint');
      expect(clean.code, describeRun('make lint', clean)).toBe(0);
      expect(clean.output).toMatch(/flake8/);
      writeFileSync(join(dir, 'e2e_violation.py'), FLAKE8_VIOLATION);
      try {
        const dirty = await make('lint');
        expect(dirty.code, describeRun('make lint with a violation', dirty)).not.toBe(0);
        expect(dirty.output).toMatch(/e2e_violation\.py:1:1: F401/);
      } finally {
        rmSync(join(dir, 'e2e_violation.py'));
      }
    }, TIMEOUT);

    test("tox runs the test environment of this machine's Python and the lint environment", async () => {
      const envlist = toxEnvlist(readFileSync(join(dir, 'tox.ini'), 'utf8'));
      expect(envlist.some((e) => /^py\d+$/.test(e)), `envlist ${envlist.join(', ')} has no pyXY environment`).toBe(true);
      const others = envlist.filter((e) => !/^py\d+$/.test(e));
      const result = await tox([pyEnv, ...others]);
      expect(result.code, describeRun(`tox -e ${[pyEnv, ...others].join(',')}`, result, 60)).toBe(0);
      expectPytestPassed(result.output);
      for (const e of [pyEnv, ...others]) expect(result.output).toMatch(new RegExp(`^\\s*${e}: commands succeeded`, 'm'));
    }, TIMEOUT);

    test("tox's lint environment fails on a flake8 violation", async () => {
      const lintEnvs = toxEnvlist(readFileSync(join(dir, 'tox.ini'), 'utf8')).filter((e) => /lint/.test(e));
      expect(lintEnvs.length, 'tox.ini has no lint environment').toBeGreaterThan(0);
      writeFileSync(join(dir, 'e2e_violation.py'), FLAKE8_VIOLATION);
      try {
        const result = await tox(lintEnvs);
        expect(result.code, describeRun('tox lint with a violation', result)).not.toBe(0);
        expect(result.output).toMatch(/e2e_violation\.py:1:1: F401/);
      } finally {
        rmSync(join(dir, 'e2e_violation.py'));
      }
    }, TIMEOUT);
  });
});

/** The environment names of tox.ini's `[tox] envlist` (comma or newline separated). */
function toxEnvlist(ini: string): string[] {
  const section = /^\[tox\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(ini)?.[1] ?? '';
  const value = /^envlist\s*=\s*((?:.*)(?:\n[ \t]+.*)*)/m.exec(section)?.[1] ?? '';
  return value
    .split(/[,\s]+/)
    .map((e) => e.trim())
    .filter(Boolean);
}
