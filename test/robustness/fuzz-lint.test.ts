/**
 * Fuzzing `slipway lint`: arbitrary bytes, arbitrary YAML-ish text and mutated corpus-like
 * Dockerfiles, .gitlab-ci.yml, Makefiles and tox.ini (truncated, spliced, deeply nested, long
 * lines, NUL, invalid UTF-8, BOM, CRLF, lone CR, tabs, unmatched quotes and heredocs) are written
 * as bytes to a temporary file and linted through the CLI in-process. Every run must end with
 * exit 0, 1 or 2, no stack trace and no "internal error".
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, test } from 'vitest';
import { cleanTempDirs, cli, expectClean, FUZZ_TIMEOUT, runs, tempDir } from './helpers.js';

afterAll(cleanTempDirs);

export const CORPUS: Record<string, string> = {
  Dockerfile: [
    '# syntax=docker/dockerfile:1',
    'ARG BASE=python:3.13-slim',
    'FROM ${BASE} AS build',
    'WORKDIR /app',
    'RUN apt-get update && apt-get install -y curl \\',
    '    && rm -rf /var/lib/apt/lists/*',
    'COPY requirements.txt .',
    'RUN pip install -r requirements.txt',
    'RUN <<EOF',
    'echo "hello $HOME" > /tmp/x',
    'EOF',
    'FROM python:3.13-slim',
    'COPY --from=build /app /app',
    'ENV A="b c" D=e',
    'USER 1000',
    'HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]',
    'CMD ["python", "app.py"]',
    '',
  ].join('\n'),
  '.gitlab-ci.yml': [
    'stages: [test, build]',
    'variables:',
    '  DOCKER_TLS_CERTDIR: "/certs"',
    '.base: &base',
    '  image: python:3.13',
    '  before_script:',
    '    - pip install tox',
    'test:',
    '  <<: *base',
    '  stage: test',
    '  script:',
    "    - tox -e py313",
    '    - |',
    '      echo "multi $CI_COMMIT_SHA"',
    '  rules:',
    '    - if: $CI_COMMIT_BRANCH == "main" && $CI_PIPELINE_SOURCE != "schedule"',
    'build:',
    '  stage: build',
    '  extends: .base',
    '  script: [docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA" .]',
    '  needs: [test]',
    'include:',
    '  - local: ci/other.yml',
    '',
  ].join('\n'),
  Makefile: [
    '.PHONY: all test',
    'SHELL := /bin/bash',
    'VAR ?= $(shell echo hi)',
    'all: test',
    'test: deps',
    '\tpython -m pytest -q $(VAR)',
    'deps:',
    "\t@pip install -r requirements.txt; echo 'done'",
    'define BLOCK',
    'x',
    'endef',
    '%.o: %.c',
    '\t$(CC) -c $< -o $@',
    '',
  ].join('\n'),
  'tox.ini': [
    '[tox]',
    'envlist = py311, py312, py313',
    '[testenv]',
    'deps = -r requirements-dev.txt',
    'commands =',
    '    pytest {posargs}',
    '    python -c "print(1)"',
    '[testenv:lint]',
    'skip_install = true',
    'commands = ruff check .',
    '',
  ].join('\n'),
};

const FILE_NAMES = Object.keys(CORPUS);

const SPECIAL = [
  '\0', '\r', '\r\n', '\t', '\uFEFF', '"', "'", '`', '\\', '<<EOF\n', '<<-EOT\n', '${', '$(', '{{', '[', '{',
  '&a ', '*a', '!reference [', ': ', '- ', '#', '|\n', '>\n', '\u2028', '\uD800', 'x'.repeat(5000),
];

/** Byte-level mutations of corpus text. */
const mutated = (name: string): fc.Arbitrary<Uint8Array> =>
  fc
    .tuple(
      fc.array(
        fc.oneof(
          fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
          fc.record({ op: fc.constant('insert' as const), at: fc.nat(), s: fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ maxLength: 20 })) }),
          fc.record({ op: fc.constant('splice' as const), at: fc.nat(), from: fc.constantFrom(...FILE_NAMES), a: fc.nat(), b: fc.nat() }),
          fc.record({ op: fc.constant('delete' as const), at: fc.nat(), n: fc.nat({ max: 40 }) }),
          fc.record({ op: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 400 }), open: fc.constantFrom('[', '{', '  ', '- ', '(', '$(') }),
          fc.record({ op: fc.constant('crlf' as const) }),
          fc.record({ op: fc.constant('bom' as const) }),
          fc.record({ op: fc.constant('bytes' as const), at: fc.nat(), b: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
        ),
        { minLength: 1, maxLength: 6 },
      ),
    )
    .map(([ops]) => {
      let buf = Buffer.from(CORPUS[name]!, 'utf8');
      for (const op of ops) {
        const at = buf.length === 0 ? 0 : (op as { at?: number }).at! % (buf.length + 1);
        switch (op.op) {
          case 'truncate':
            buf = buf.subarray(0, at);
            break;
          case 'insert':
            buf = Buffer.concat([buf.subarray(0, at), Buffer.from(op.s, 'utf8'), buf.subarray(at)]);
            break;
          case 'splice': {
            const other = Buffer.from(CORPUS[op.from]!, 'utf8');
            const a = op.a % (other.length + 1);
            const b = a + (op.b % (other.length - a + 1));
            buf = Buffer.concat([buf.subarray(0, at), other.subarray(a, b), buf.subarray(at)]);
            break;
          }
          case 'delete':
            buf = Buffer.concat([buf.subarray(0, at), buf.subarray(at + op.n)]);
            break;
          case 'nest':
            buf = Buffer.concat([buf.subarray(0, at), Buffer.from(op.open.repeat(op.depth), 'utf8'), buf.subarray(at)]);
            break;
          case 'crlf':
            buf = Buffer.from(buf.toString('latin1').replace(/\n/g, '\r\n'), 'latin1');
            break;
          case 'bom':
            buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buf]);
            break;
          case 'bytes':
            buf = Buffer.concat([buf.subarray(0, at), Buffer.from(op.b), buf.subarray(at)]);
            break;
        }
      }
      return new Uint8Array(buf);
    });

/** YAML-ish text from YAML's own tokens. */
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom('\n', '  ', '- ', ': ', '? ', '&x ', '*x', '<<: ', '!reference ', '!!str ', '|', '>-', '"', "'", '[', ']', '{', '}', ',', '#', '---\n', '...\n', '%YAML 1.2\n', '\t', 'script', 'stages', 'image', 'include', 'extends', 'rules', 'needs', 'job'),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

async function lintBytes(name: string, bytes: Uint8Array | string): Promise<void> {
  const dir = tempDir();
  writeFileSync(join(dir, name), bytes);
  const r = await cli(['lint', '--cwd', dir, '--no-config', name]);
  expectClean(r, `lint ${name}: ${JSON.stringify(Buffer.from(bytes).toString('latin1').slice(0, 500))}`);
}

describe('lint never crashes on hostile input', () => {
  for (const name of FILE_NAMES) {
    test(
      `arbitrary bytes as ${name}`,
      async () => {
        await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), (b) => lintBytes(name, b)), { numRuns: runs(12) });
      },
      FUZZ_TIMEOUT,
    );
    test(
      `mutated corpus ${name}`,
      async () => {
        await fc.assert(fc.asyncProperty(mutated(name), (b) => lintBytes(name, b)), { numRuns: runs(25) });
      },
      FUZZ_TIMEOUT,
    );
  }
  test(
    'arbitrary YAML-ish text as .gitlab-ci.yml',
    async () => {
      await fc.assert(fc.asyncProperty(yamlish, (t) => lintBytes('.gitlab-ci.yml', t)), { numRuns: runs(30) });
    },
    FUZZ_TIMEOUT,
  );
  test(
    'arbitrary unicode strings as each kind',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...FILE_NAMES), fc.string({ unit: 'binary', maxLength: 300 }), (n, t) => lintBytes(n, t)),
        { numRuns: runs(20) },
      );
    },
    FUZZ_TIMEOUT,
  );
  test('fixed hostile cases', async () => {
    const cases: Array<[string, string | Uint8Array]> = [
      ['Dockerfile', 'RUN <<EOF\necho unterminated'],
      ['Dockerfile', 'FROM a\nRUN echo "unterminated\\\n'],
      ['Dockerfile', 'FROM a\rRUN b\rCMD c'],
      ['Dockerfile', new Uint8Array([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xff, 0xfe, 0x00, 0xc3, 0x28])],
      ['.gitlab-ci.yml', 'a: ' + '['.repeat(1000)],
      ['.gitlab-ci.yml', 'job:\n  script: "unterminated'],
      ['.gitlab-ci.yml', '\uFEFFjob:\r\n  script:\r\n    - echo\r'],
      ['Makefile', 'a:\n\techo $(shell ' + '$('.repeat(500)],
      ['tox.ini', '[testenv\ncommands = "x'],
    ];
    for (const [n, b] of cases) await lintBytes(n, b);
  }, FUZZ_TIMEOUT);
});
