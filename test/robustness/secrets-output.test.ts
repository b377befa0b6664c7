/**
 * Secrets: a fake token in a linted file never appears whole in any output format. Tokens are
 * built at run time by concatenation so no literal secret sits in the repository.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { cleanTempDirs, cli, expectClean, FUZZ_TIMEOUT, runs, tempDir } from './helpers.js';

afterAll(cleanTempDirs);

const FORMATS = ['json', 'sarif', 'gitlab', 'checkstyle', 'junit', 'github', 'stylish'];
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const body = (n: number) => fc.array(fc.constantFrom(...ALNUM.split('')), { minLength: n, maxLength: n }).map((a) => a.join(''));
const token = fc.oneof(
  body(20).map((b) => 'glpat' + '-' + b),
  body(36).map((b) => 'gh' + 'p_' + b),
  body(16).map((b) => 'AK' + 'IA' + b.toUpperCase()),
);

describe('secrets never printed', () => {
  test(
    'every output format hides tokens found in a Dockerfile and a .gitlab-ci.yml',
    async () => {
      await fc.assert(
        fc.asyncProperty(token, fc.constantFrom(...FORMATS), async (tok, format) => {
          const dir = tempDir();
          writeFileSync(join(dir, 'Dockerfile'), `FROM python:3.13-slim\nENV API_TOKEN=${tok}\nRUN curl -H "PRIVATE-TOKEN: ${tok}" https://example.com\n`);
          writeFileSync(join(dir, '.gitlab-ci.yml'), `variables:\n  TOKEN: "${tok}"\njob:\n  script:\n    - echo ${tok}\n`);
          const r = await cli(['lint', '--cwd', dir, '--no-config', '--format', format, 'Dockerfile', '.gitlab-ci.yml']);
          expectClean(r, format);
          expect(r.stdout + r.stderr, `${format} printed the token`).not.toContain(tok);
          expect(r.status, r.stdout).toBe(1);
        }),
        { numRuns: runs(14) },
      );
    },
    FUZZ_TIMEOUT,
  );
});
