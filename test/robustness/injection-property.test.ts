/**
 * No injection through the descriptor (property version of test/generate/injection.test.ts,
 * which works on the model): an image.env value drawn from quotes, newlines, `${…}`, `$(…)`,
 * backticks, YAML indicators, handlebars and Unicode look-alikes is either refused (exit 2) or the
 * generated files have exactly the baseline's jobs/keys, Dockerfile instructions and make targets;
 * then the same for every other descriptor string that reaches a generated file.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { DockerfileParser } from 'dockerfile-ast';
import { afterAll, describe, expect, test } from 'vitest';
import { parseDocument, parse as parseYaml } from 'yaml';
import { parseMakefileText } from '../../src/lint/makefile/parse.js';
import { parseIni } from '../../src/lint/tox/ini.js';
import { cleanTempDirs, cli, expectClean, FUZZ_TIMEOUT, runs, tempDir } from './helpers.js';

afterAll(cleanTempDirs);

const PIECES = [
  '"', "'", '\n', '\r\n', '${HOME}', '$(id)', '`id`', ': ', ' #', '&a', '*a', '!tag', '|', '>', '{{name}}', '{{{x}}}',
  '- ', '\\', ';', '&&', '\t', '\u02BC', '\uFF1A', '\u2028', 'RUN evil', 'evil:', 'x', 'A1',
];
const nasty = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));

interface Shape {
  ci: string[];
  docker: string[];
  make: string[];
}

function shape(dir: string): Shape {
  const ci = parseYaml(readFileSync(join(dir, '.gitlab-ci.yml'), 'utf8')) as Record<string, unknown>;
  const docker = DockerfileParser.parse(readFileSync(join(dir, 'Dockerfile'), 'utf8'))
    .getInstructions()
    .map((i) => i.getKeyword());
  const make = readFileSync(join(dir, 'Makefile'), 'utf8')
    .split('\n')
    .filter((l) => /^[A-Za-z0-9_./-]+\s*:(?!=)/.test(l))
    .map((l) => l.split(':')[0]!.trim());
  return { ci: Object.keys(ci).sort(), docker, make };
}

async function generateWith(value: string): Promise<{ status: number; dir: string; stderr: string }> {
  const dir = tempDir();
  cpSync('examples/python-tornado', dir, { recursive: true });
  const base = readFileSync('examples/python-tornado/slipway.yaml', 'utf8');
  writeFileSync(join(dir, 'slipway.yaml'), base.replace('APP_ENV: production', `APP_ENV: ${JSON.stringify(value)}`));
  const r = await cli(['generate', '--cwd', dir]);
  expectClean(r, JSON.stringify(value));
  return { status: r.status, dir, stderr: r.stderr };
}

describe('descriptor values never add structure', () => {
  test(
    'image.env value: refused or same shape as the baseline',
    async () => {
      const base = await generateWith('production');
      expect(base.status, base.stderr).toBe(0);
      const expected = shape(base.dir);
      // Not vacuous: a value with quotes, `: `, `#`, `${…}` and `$(…)` is accepted and escaped.
      const accepted = await generateWith('a"b: #x ${HOME} $(id)');
      expect(accepted.status, accepted.stderr).toBe(0);
      expect(shape(accepted.dir)).toEqual(expected);
      await fc.assert(
        fc.asyncProperty(nasty, async (v) => {
          const r = await generateWith(v);
          if (r.status === 2) return;
          expect(r.status, r.stderr).toBe(0);
          expect(shape(r.dir), JSON.stringify(v)).toEqual(expected);
        }),
        { numRuns: runs(15) },
      );
    },
    FUZZ_TIMEOUT,
  );
});

/**
 * Every user-controlled string of the descriptor that reaches a generated file (from
 * src/descriptor/schema.ts), each set through the YAML library (so the descriptor itself is well
 * formed) to a plain value for the baseline, then to hostile ones. The comparison is finer than
 * above: every CI job's keys and number of script lines, every Dockerfile instruction, every make
 * target and variable (the project's Makefile parser), every tox section and key (its INI parser).
 */
interface Field {
  path: (string | number)[];
  /** The value set for the baseline, and how a hostile string becomes the value. */
  plain: unknown;
  put: (v: string) => unknown;
}

const FIELDS: Field[] = [
  { path: ['name'], plain: 'hello', put: (v) => `hello${v}` },
  { path: ['image', 'timezone'], plain: 'Europe/Zurich', put: (v) => `Europe/${v}` },
  { path: ['image', 'env'], plain: { APP_ENV: 'production' }, put: (v) => ({ [v]: 'production' }) },
  { path: ['image', 'systemPackages'], plain: ['curl'], put: (v) => [`curl${v}`] },
  { path: ['image', 'workdir'], plain: '/app', put: (v) => `/app/${v}` },
  { path: ['image', 'copy'], plain: ['app.py'], put: (v) => [`app${v}`] },
  { path: ['image', 'dockerignore'], plain: ['*.log'], put: (v) => [`*.log${v}`] },
  { path: ['app', 'command'], plain: ['python', 'app.py'], put: (v) => ['python', `app.py${v}`] },
  { path: ['app', 'healthcheck', 'path'], plain: '/health', put: (v) => `/health${v}` },
  { path: ['test', 'command'], plain: ['python', '-m', 'pytest'], put: (v) => ['python', '-m', 'pytest', v] },
  { path: ['test', 'lint'], plain: ['flake8', '.'], put: (v) => ['flake8', v] },
  { path: ['ci', 'defaultBranch'], plain: 'main', put: (v) => `main${v}` },
  { path: ['ci', 'notify', 'webhookVariable'], plain: 'FAILURE_WEBHOOK_URL', put: (v) => `FAILURE_${v}` },
  { path: ['runtime', 'matrix'], plain: ['3.12', '3.13'], put: (v) => ['3.12', `3.13${v}`] },
  { path: ['python', 'requirements'], plain: 'requirements.txt', put: (v) => `requirements${v}.txt` },
  { path: ['deploy', 'environment', 'name'], plain: 'production', put: (v) => `production${v}` },
  { path: ['deploy', 'environment', 'url'], plain: 'https://hello.example.com', put: (v) => `https://hello.example.com/${v}` },
];

interface FineShape {
  jobs: Record<string, string[]>;
  docker: string[];
  make: { targets: string[]; variables: string[] };
  tox: string[];
}

function fineShape(dir: string): FineShape {
  const ci = parseYaml(readFileSync(join(dir, '.gitlab-ci.yml'), 'utf8')) as Record<string, unknown>;
  const jobs: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(ci)) {
    const job = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    const lines = (k: string) => (Array.isArray(job[k]) ? `${k}:${(job[k] as unknown[]).length}` : k);
    jobs[key] = Object.keys(job).sort().map(lines);
  }
  const docker = DockerfileParser.parse(readFileSync(join(dir, 'Dockerfile'), 'utf8'))
    .getInstructions()
    .map((i) => i.getKeyword());
  const mk = parseMakefileText(readFileSync(join(dir, 'Makefile'), 'utf8')).doc;
  const make = {
    targets: mk.rules.flatMap((r) => r.targets.map((t) => `${t.text}/${r.recipe.length}`)),
    variables: mk.assignments.map((a) => a.name.text),
  };
  const tox = parseIni(readFileSync(join(dir, 'tox.ini'), 'utf8')).doc.sections.flatMap((sec) => [`[${sec.name}]`, ...sec.entries.map((e) => e.name)]);
  return { jobs, docker, make, tox };
}

async function generateField(field: Field, value: unknown): Promise<{ status: number; dir: string; stderr: string }> {
  const dir = tempDir();
  cpSync('examples/python-tornado', dir, { recursive: true });
  const doc = parseDocument(readFileSync('examples/python-tornado/slipway.yaml', 'utf8'));
  doc.setIn(field.path, value);
  writeFileSync(join(dir, 'slipway.yaml'), doc.toString());
  const r = await cli(['generate', '--cwd', dir]);
  expectClean(r, `${field.path.join('.')} = ${JSON.stringify(value)}`);
  // Refused: one error line (warnings about the same value may come before it).
  if (r.status === 2) {
    const errors = r.stderr.trim().split('\n').filter((l) => !/: warning: /.test(l));
    expect(errors, r.stderr).toHaveLength(1);
    expect(errors[0], 'the error says where in slipway.yaml').toMatch(/^slipway\.yaml:\d+:\d+: error: /);
  }
  return { status: r.status, dir, stderr: r.stderr };
}

describe('no descriptor string adds structure to a generated file', () => {
  let accepted = 0;
  for (const field of FIELDS) {
    test(
      `${field.path.join('.')}: refused with one line, or the same jobs, instructions, targets and settings`,
      async () => {
        const base = await generateField(field, field.plain);
        expect(base.status, base.stderr).toBe(0);
        const expected = fineShape(base.dir);
        await fc.assert(
          fc.asyncProperty(nasty, async (v) => {
            const r = await generateField(field, field.put(v));
            if (r.status === 2) return;
            expect(r.status, r.stderr).toBe(0);
            accepted++;
            expect(fineShape(r.dir), JSON.stringify(v)).toEqual(expected);
          }),
          { numRuns: runs(3) },
        );
      },
      FUZZ_TIMEOUT,
    );
  }
  test('not vacuous: some hostile values were accepted and compared', () => {
    expect(accepted).toBeGreaterThan(0);
  });
});
