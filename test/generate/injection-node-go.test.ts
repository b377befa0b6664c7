/**
 * Injection attempts on the Node.js and Go keys (and the shared ones as those generators print
 * them): every value is refused or lands exactly where it belongs; no value adds a YAML key, a
 * Dockerfile instruction, a make target or a shell command. The model bypasses the descriptor's
 * validation: the generators must defend themselves.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generate, type GeneratedFile } from '../../src/generate/index.js';
import type { Project } from '../../src/descriptor/model.js';
import { projectFrom } from './fixtures.js';
import { dockerEnv, dockerLogicalLines, execForm } from './parse-helpers.js';
import { NASTY, content, expectRefusedOrExact } from './injection-helpers.js';

const NODE = `
name: shop
language: node
image: { layering: builder, buildPackages: [make], env: { APP_ENV: production } }
node: { packageManager: pnpm, buildScript: build, registry: "https://npm.example.com/" }
app: { command: [node, dist/server.js], port: 3000 }
test: { lint: [pnpm, run, lint] }
`;

const GO = `
name: clock
language: go
image: { runtime: scratch, timezone: Europe/Zurich }
go: { main: cmd/clock, proxy: "https://goproxy.example.com" }
app: { port: 8080, healthcheck: { command: [/usr/local/bin/clock, -probe] } }
deploy: { method: ssh }
`;

const hasMake = spawnSync('make', ['--version']).status === 0;

function makeRun(makefile: string, target: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-inject-'));
  try {
    writeFileSync(join(dir, 'Makefile'), makefile);
    return execFileSync('make', ['--no-print-directory', '-s', target], { cwd: dir, encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Field {
  name: string;
  base: string;
  benign?: string;
  patch: (v: string) => Parameters<typeof projectFrom>[1];
  roundTrip?: (files: GeneratedFile[], v: string, p: Project) => void;
}

const FIELDS: Field[] = [
  { name: 'node.registry', base: NODE, patch: (v) => ({ node: { registry: `https://npm.example.com/${v}` } }) },
  { name: 'node.buildScript', base: NODE, patch: (v) => ({ node: { buildScript: v } }) },
  { name: 'node.buildOutput', base: NODE, patch: (v) => ({ node: { buildOutput: [v] } }) },
  { name: 'node.lockfile', base: NODE, patch: (v) => ({ node: { lockfile: v } }) },
  {
    name: 'node app.command',
    base: NODE,
    patch: (v) => ({ app: { command: ['node', v] } }),
    roundTrip: (files, v) => expect(execForm(dockerLogicalLines(content(files, 'Dockerfile')).at(-1)!)).toEqual(['node', v]),
  },
  {
    name: 'node test.command',
    base: NODE,
    patch: (v) => ({ test: { command: ['printf', '[%s]', v] } }),
    roundTrip: (files, v) => {
      if (hasMake) expect(makeRun(content(files, 'Makefile'), 'test')).toBe(`[${v}]`);
      const testStage = dockerLogicalLines(content(files, 'Dockerfile')).find((l) => l.startsWith('CMD '))!;
      expect(execForm(testStage)).toEqual(['printf', '[%s]', v]);
    },
  },
  {
    name: 'node image.env',
    base: NODE,
    patch: (v) => ({ image: { env: { APP_ENV: v } } }),
    roundTrip: (files, v) => expect(dockerEnv(content(files, 'Dockerfile')).APP_ENV).toBe(v),
  },
  { name: 'node image.user.name', base: NODE, patch: (v) => ({ image: { user: { name: v, uid: 10001, gid: 10001 } } }) },
  { name: 'node runtime.version', base: NODE, benign: '22', patch: (v) => ({ runtime: { version: v } }) },
  { name: 'go.main', base: GO, patch: (v) => ({ go: { main: v } }) },
  { name: 'go.binary', base: GO, patch: (v) => ({ go: { binary: v } }) },
  { name: 'go.proxy', base: GO, patch: (v) => ({ go: { proxy: `https://goproxy.example.com/${v}` } }) },
  {
    name: 'go app.healthcheck.command',
    base: GO,
    patch: (v) => ({ app: { healthcheck: { command: ['/usr/local/bin/clock', v], interval: '30s', timeout: '5s', startPeriod: '10s', retries: 3 } } }),
    roundTrip: (files, v) => {
      const hc = dockerLogicalLines(content(files, 'Dockerfile')).find((l) => l.startsWith('HEALTHCHECK'))!;
      expect(execForm(hc)).toEqual(['/usr/local/bin/clock', v]);
    },
  },
  {
    name: 'go test.lint',
    base: GO,
    patch: (v) => ({ test: { lint: ['printf', '[%s]', v] } }),
    roundTrip: (files, v) => {
      if (hasMake) expect(makeRun(content(files, 'Makefile'), 'lint')).toBe(`[${v}]`);
    },
  },
  { name: 'go runtime.matrix', base: GO, benign: '1.26', patch: (v) => ({ runtime: { version: '1.27', matrix: [v, '1.27'] } }) },
  { name: 'go image.timezone', base: GO, patch: (v) => ({ image: { timezone: v } }), roundTrip: (files, v) => expect(dockerEnv(content(files, 'Dockerfile')).TZ).toBe(v) },
];

const PWNED = '/tmp/slipway-pwned';

describe('injection attempts on Node.js and Go projects', () => {
  beforeAll(() => rmSync(PWNED, { force: true }));
  afterAll(() => expect(existsSync(PWNED)).toBe(false));

  describe.each(FIELDS.map((f) => [f.name, f] as const))('%s', (_name, field) => {
    test.each(NASTY)('%j is refused or written as exactly that value', async (value) => {
      const p = projectFrom(field.base, field.patch(value));
      await expectRefusedOrExact(p, projectFrom(field.base, field.patch(field.benign ?? 'plain')), (files) => field.roundTrip?.(files, value, p));
    });
  });

  test('the bases generate, so the refusals above are about the values', async () => {
    expect((await generate(projectFrom(NODE))).map((f) => f.path)).toEqual(['Dockerfile', '.dockerignore', '.gitlab-ci.yml', 'Makefile']);
    expect((await generate(projectFrom(GO))).map((f) => f.path)).toEqual(['Dockerfile', '.dockerignore', '.gitlab-ci.yml', 'Makefile']);
  });
});
