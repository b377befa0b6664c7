/**
 * Fuzzing `slipway generate`: arbitrary descriptor text ends with exit 0, 1 or 2, and on 2 every
 * stderr line is an error in `file:line:col: error:` or `file: error:` form. Random valid
 * descriptors (drawn from the schema's enums and the presets' versions) generate files that
 * parse, lint without errors or warnings, and regenerate byte-identically.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { DockerfileParser } from 'dockerfile-ast';
import { afterAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cleanTempDirs, cli, expectClean, FUZZ_TIMEOUT, runs, tempDir } from './helpers.js';

afterAll(cleanTempDirs);

const ERROR_LINE = /^[^\n]+?(:\d+:\d+)?: error: /;

function expectErrorLines(stderr: string, ctx: string): void {
  for (const line of stderr.split('\n').filter((l) => l.trim() !== '')) {
    // Continuation lines (indented hints) belong to the error above them.
    if (/^\s/.test(line)) continue;
    expect(line, ctx).toMatch(ERROR_LINE);
  }
}

async function generateText(text: string): Promise<void> {
  const dir = tempDir();
  writeFileSync(join(dir, 'slipway.yaml'), text);
  const r = await cli(['generate', '--cwd', dir, '--dry-run']);
  const ctx = `descriptor: ${JSON.stringify(text.slice(0, 600))}\nstderr: ${r.stderr.slice(0, 1500)}`;
  expectClean(r, ctx);
  if (r.status === 2) expectErrorLines(r.stderr, ctx);
}

const KEYS = ['name', 'extends', 'language', 'runtime', 'version', 'matrix', 'image', 'variant', 'layering', 'env', 'app', 'port', 'command', 'ci', 'deploy', 'method', 'test', 'lint', 'rules', 'paths', 'node', 'go'];
const descriptorish = fc
  .array(
    fc.oneof(
      fc.constantFrom(...KEYS).map((k) => `${k}: `),
      fc.constantFrom('\n', '\n  ', '\n    ', '- ', '"', "'", '[', ']', '{', '}', ', ', '&a ', '*a', '<<: *a', '!!binary ', '#', '|\n', '~', 'null', 'true', '3.13', '8080', '-1', '1e400', '../x', '/etc/passwd', '${HOME}', '$(id)', '{{name}}', '\0', '\r', '\uFEFF'),
      fc.string({ maxLength: 10 }),
    ),
    { maxLength: 60 },
  )
  .map((p) => p.join(''));

describe('generate never crashes on hostile descriptors', () => {
  test(
    'arbitrary text',
    async () => {
      await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), generateText), { numRuns: runs(20) });
    },
    FUZZ_TIMEOUT,
  );
  test(
    'descriptor-ish YAML',
    async () => {
      await fc.assert(fc.asyncProperty(descriptorish, generateText), { numRuns: runs(40) });
    },
    FUZZ_TIMEOUT,
  );
  test('fixed hostile descriptors', async () => {
    for (const t of [
      '',
      '\0\0\0',
      'name: a\nname: b\n',
      'a: &a [*a]\n',
      'extends: ../../../../etc/passwd\n',
      'extends: /etc/passwd\n',
      'name: x\nlanguage: python\nruntime: {version: "99.99"}\n',
      'x: ' + '['.repeat(2000),
      'l0: &l0 [x,x,x,x,x,x,x,x,x,x]\n' + Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} [*l${i},*l${i},*l${i},*l${i},*l${i},*l${i},*l${i},*l${i},*l${i},*l${i}]`).join('\n') + '\n',
    ]) {
      await generateText(t);
    }
  }, FUZZ_TIMEOUT);
});

const valid = fc.record({
  example: fc.constantFrom('python-tornado', 'python-flask', 'python-fastapi'),
  name: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/),
  variant: fc.constantFrom('slim', 'alpine'),
  layering: fc.constantFrom('single', 'builder', 'base-app'),
  port: fc.integer({ min: 1024, max: 65535 }),
  versions: fc.subarray(['3.11', '3.12', '3.13'], { minLength: 1 }),
  tz: fc.constantFrom(undefined, 'UTC', 'Europe/Zurich'),
});

describe('random valid descriptors', () => {
  test(
    'generate, parse, lint clean and regenerate byte-identically',
    async () => {
      await fc.assert(
        fc.asyncProperty(valid, async (v) => {
          const dir = tempDir();
          cpSync(join('examples', v.example), dir, { recursive: true });
          // compose.yaml pins the example's own port; a random app.port would (rightly) mismatch it.
          rmSync(join(dir, 'compose.yaml'), { force: true });
          const version = v.versions[v.versions.length - 1]!;
          const desc = [
            `name: ${v.name}`,
            `extends: ${v.example}`,
            'runtime:',
            `  version: "${version}"`,
            `  matrix: [${v.versions.map((x) => `"${x}"`).join(', ')}]`,
            'image:',
            `  variant: ${v.variant}`,
            `  layering: ${v.layering}`,
            ...(v.tz ? [`  timezone: ${v.tz}`] : []),
            'app:',
            `  port: ${v.port}`,
            '',
          ].join('\n');
          writeFileSync(join(dir, 'slipway.yaml'), desc);
          const g = await cli(['generate', '--cwd', dir]);
          const ctx = `${desc}\n${g.stderr}`;
          expect(g.status, ctx).toBe(0);
          const files = ['Dockerfile', '.gitlab-ci.yml', 'Makefile', 'tox.ini', '.dockerignore'];
          const before = new Map(files.map((f) => [f, readFileSync(join(dir, f))]));
          expect(() => parseYaml(before.get('.gitlab-ci.yml')!.toString('utf8')), ctx).not.toThrow();
          const df = DockerfileParser.parse(before.get('Dockerfile')!.toString('utf8'));
          expect(df.getFROMs().length, ctx).toBeGreaterThan(0);
          expect(df.getInstructions().map((i) => i.getKeyword()).every((k) => /^[A-Z]+$/.test(k)), ctx).toBe(true);
          const l = await cli(['lint', '--cwd', dir, '--format', 'json']);
          const report = JSON.parse(l.stdout) as unknown;
          const findings = (Array.isArray(report) ? report : ((report as { findings?: unknown[] }).findings ?? [])) as Array<{ severity?: string; ruleId?: string }>;
          // Known: dockerfile/apt-package-unpinned (DL3008) is reported as info on the generated
          // apt-get install (e.g. tzdata); errors and warnings must not appear.
          const serious = JSON.stringify(findings).match(/"severity":"(error|warning)"/g);
          expect(serious, `${ctx}\n${l.stdout.slice(0, 3000)}`).toBeNull();
          expect(l.status, `${ctx}\n${l.stdout.slice(0, 3000)}`).toBe(0);
          const g2 = await cli(['generate', '--cwd', dir]);
          expect(g2.status, g2.stderr).toBe(0);
          for (const f of files) expect(readFileSync(join(dir, f)).equals(before.get(f)!), `${f} changed on regenerate\n${ctx}`).toBe(true);
          const c = await cli(['generate', '--cwd', dir, '--check']);
          expect(c.status, c.stdout + c.stderr).toBe(0);
        }),
        { numRuns: runs(3) },
      );
    },
    FUZZ_TIMEOUT,
  );
});
