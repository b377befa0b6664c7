/**
 * No injection through the descriptor (property version of test/generate/injection.test.ts,
 * which works on the model): an image.env value drawn from quotes, newlines, `${…}`, `$(…)`,
 * backticks, YAML indicators, handlebars and Unicode look-alikes is either refused (exit 2) or the
 * generated files have exactly the baseline's jobs/keys, Dockerfile instructions and make targets.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { DockerfileParser } from 'dockerfile-ast';
import { afterAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
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
