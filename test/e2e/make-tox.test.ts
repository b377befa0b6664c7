/**
 * The generated Makefile and tox.ini run for real on each example project (a temp copy), offline:
 * `make test` and `make lint` pass, and Debian's tox runs the tox.ini's test environment for the
 * Python this machine has (`-e pyXY`, even when the matrix lists other versions: the generated
 * [testenv] serves every pyXY) and its other environments (lint) with `--sitepackages`, the
 * requirements satisfied by the system Python's packages. A flake8 violation makes `make lint` and
 * tox's lint fail, so the lint runs are known to check something.
 * The Node.js and Go examples' `make test` and `make lint` run on the machine's toolchains as the
 * gitlab-ci-local suite runs their jobs (helpers/host-tools.ts): the `node` and `npm` on PATH outside
 * node_modules/.bin (their tests and linters need no dependencies, so no `npm ci`), Debian's Go with
 * no module or toolchain download. A syntax error (Node.js, `node --check`) or a `go vet` finding
 * makes `make lint` fail.
 * Skipped with the reason when make, tox or a system Python with the examples' packages is missing,
 * and per example when its language's toolchain is.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Project } from '../../src/descriptor/model.js';
import { fitGoDirective, hostJobEnv, hostJobsUnavailable } from './helpers/host-tools.js';
import { exampleLanguage, exampleNames, writeProject } from './helpers/project.js';
import { EXAMPLE_MODULES, findSystemPython, prepareHostPython, pythonVersion } from './helpers/python.js';
import { expectPytestPassed } from './helpers/pytest.js';
import { describeRun, missingCommands, run } from './helpers/run.js';
import { expectTestsPassed } from './helpers/test-runs.js';

const systemPython = findSystemPython([...EXAMPLE_MODULES, 'tox']);
const makeMissing = missingCommands(['make']).length ? 'make is not on PATH' : undefined;
const unavailable = makeMissing
  ? makeMissing
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

describe.skipIf(makeMissing !== undefined)(`make on the Node.js and Go examples${makeMissing ? ` (skipped: ${makeMissing})` : ''}`, () => {
  let work: string;
  const envs = new Map<string, Promise<NodeJS.ProcessEnv>>();
  /** The host environment of a language's tools, made once. */
  const envFor = (language: string) => {
    if (!envs.has(language)) envs.set(language, hostJobEnv(language, join(work, 'host', language)));
    return envs.get(language)!;
  };

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'slipway-e2e-make-'));
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  for (const example of otherExamples) {
    const language = exampleLanguage(example);
    const unavailableHere = hostJobsUnavailable(language);
    if (unavailableHere) {
      test.skip(`${example}: not run — ${unavailableHere}`, () => {});
      continue;
    }
    describe(example, () => {
      let dir: string;
      let project: Project;
      let env: NodeJS.ProcessEnv;
      const make = (target: string) => run('make', [target], { cwd: dir, env, timeoutMs: TIMEOUT });

      beforeAll(async () => {
        env = await envFor(language);
        dir = join(work, example);
        project = await writeProject(dir, example);
        if (language === 'go') {
          const fitted = fitGoDirective(dir, env);
          if (fitted) console.warn(`${example}: go.mod's go line lowered to ${fitted} in the test's copy, for the machine's Go`);
        }
      }, 60_000);

      test('`make test` passes the example tests', async () => {
        const result = await make('test');
        expect(result.code, describeRun('make test', result)).toBe(0);
        expect(result.output).toContain(project.test.command.join(' '));
        expectTestsPassed(language, result.output);
      }, TIMEOUT);

      test('`make lint` passes, and fails on a finding of its linter (or says there is none)', async () => {
        const clean = await make('lint');
        expect(clean.code, describeRun('make lint', clean)).toBe(0);
        if (!project.test.lint) {
          expect(clean.output).toMatch(/No lint command in slipway\.yaml/);
          return;
        }
        expect(clean.output).toContain(project.test.lint.join(' '));
        const violation = lintViolation(language, dir);
        const original = existsSync(violation.file) ? readFileSync(violation.file, 'utf8') : undefined;
        writeFileSync(violation.file, (original ?? '') + violation.append);
        try {
          const dirty = await make('lint');
          expect(dirty.code, describeRun('make lint with a violation', dirty)).not.toBe(0);
          expect(dirty.output).toMatch(violation.reported);
        } finally {
          if (original === undefined) rmSync(violation.file);
          else writeFileSync(violation.file, original);
        }
      }, TIMEOUT);
    });
  }
});

/**
 * What breaks the lint of a `language` example in `dir`: text appended to a file (created when absent)
 * and what the linter then reports. Node.js: a syntax error in the first file the example's
 * `npm run lint` checks with `node --check`; Go: a Printf whose verb does not fit its argument, which
 * `go vet` reports.
 */
function lintViolation(language: string, dir: string): { file: string; append: string; reported: RegExp } {
  if (language === 'node') {
    const lint = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts?.lint ?? '';
    const checked = /node --check (\S+)/.exec(lint)?.[1];
    if (!checked) throw new Error(`the lint script checks no file with node --check: ${lint}`);
    return { file: join(dir, checked), append: '\nconst e2e_violation = ;\n', reported: /SyntaxError/ };
  }
  if (language === 'go') {
    const pkg = /^package (\w+)/m.exec(readFileSync(join(dir, 'main.go'), 'utf8'))?.[1] ?? 'main';
    const source = `package ${pkg}\n\nimport "fmt"\n\nfunc e2eViolation() { fmt.Printf("%d\\n", "not a number") }\n`;
    return { file: join(dir, 'e2e_violation.go'), append: source, reported: /e2e_violation\.go:\d+:\d+: .*Printf format %d has arg "not a number" of wrong type string/ };
  }
  throw new Error(`no lint violation for language ${language}`);
}

/** The environment names of tox.ini's `[tox] envlist` (comma or newline separated). */
function toxEnvlist(ini: string): string[] {
  const section = /^\[tox\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(ini)?.[1] ?? '';
  const value = /^envlist\s*=\s*((?:.*)(?:\n[ \t]+.*)*)/m.exec(section)?.[1] ?? '';
  return value
    .split(/[,\s]+/)
    .map((e) => e.trim())
    .filter(Boolean);
}
