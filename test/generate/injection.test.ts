/**
 * Injection attempts: descriptor values with quotes, newlines, `$(…)`, backticks, `: `, `#`, `&`,
 * `*`, handlebars `{{ }}` … must never add a YAML key or job, a shell command, a Dockerfile
 * instruction, a make target or a tox setting. Each value is either refused (UnsafeValueError /
 * InputError: exit 2, nothing written) or lands exactly where it belongs, which the test reads
 * back with a parser (or a shell) and compares with the model. The model is built directly,
 * bypassing the descriptor's own validation: the generator must defend itself.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generate, type GeneratedFile } from '../../src/generate/index.js';
import type { Project } from '../../src/descriptor/model.js';
import { project } from './fixtures.js';
import { dockerEnv, dockerLogicalLines, execForm, iniSections } from './parse-helpers.js';
import { NASTY, content, expectRefusedOrExact, shape } from './injection-helpers.js';

const hasMake = spawnSync('make', ['--version']).status === 0;

/** Runs a shell line with `docker` replaced by a function printing its arguments, one per line in brackets. */
function dockerArgs(line: string): string[] {
  const out = execFileSync('sh', ['-c', `docker() { printf '[%s]\\n' "$@"; }\n${line}`], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, IMAGE: 'registry.test/app', CI_COMMIT_SHORT_SHA: 'abc123' },
  });
  return [...out.matchAll(/^\[([\s\S]*?)\]$/gm)].map((m) => m[1]!);
}

function makeRun(makefile: string, target: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-inject-'));
  try {
    writeFileSync(join(dir, 'Makefile'), makefile);
    return execFileSync('make', ['--no-print-directory', '-s', target, 'PYTHON=python3'], { cwd: dir, encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Field {
  name: string;
  /** A harmless value of the field (default "plain"). */
  benign?: string;
  patch: (v: string) => Parameters<typeof project>[0];
  /** Checks that the value landed where it belongs, read back with a parser. */
  roundTrip?: (files: GeneratedFile[], v: string, p: Project) => void;
}

const FIELDS: Field[] = [
  {
    name: 'image.env value',
    patch: (v) => ({ image: { env: { APP_ENV: v } } }),
    roundTrip: (files, v) => expect(dockerEnv(content(files, 'Dockerfile')).APP_ENV).toBe(v),
  },
  { name: 'image.env name', patch: (v) => ({ image: { env: { [v]: 'x' } } }) },
  {
    name: 'image.timezone',
    patch: (v) => ({ image: { timezone: v } }),
    roundTrip: (files, v) => expect(dockerEnv(content(files, 'Dockerfile')).TZ).toBe(v),
  },
  {
    name: 'app.command',
    patch: (v) => ({ app: { command: ['python', v] } }),
    roundTrip: (files, v) => expect(execForm(dockerLogicalLines(content(files, 'Dockerfile')).at(-1)!)).toEqual(['python', v]),
  },
  {
    name: 'app.healthcheck.command',
    patch: (v) => ({ app: { healthcheck: { command: ['probe', v], interval: '30s', timeout: '5s', startPeriod: '10s', retries: 3 } } }),
    roundTrip: (files, v) => {
      const hc = dockerLogicalLines(content(files, 'Dockerfile')).find((l) => l.startsWith('HEALTHCHECK'))!;
      expect(execForm(hc)).toEqual(['probe', v]);
    },
  },
  { name: 'app.healthcheck.path', patch: (v) => ({ app: { healthcheck: { path: `/${v}`, interval: '30s', timeout: '5s', startPeriod: '10s', retries: 3 } } }) },
  {
    name: 'test.command',
    patch: (v) => ({ test: { command: ['printf', '[%s]', v] } }),
    roundTrip: (files, v) => {
      if (hasMake) expect(makeRun(content(files, 'Makefile'), 'test')).toBe(`[${v}]`);
      const tox = iniSections(content(files, 'tox.ini')).get('testenv')!.get('commands')!.replace(/ \{posargs\}$/, '');
      expect(execFileSync('sh', ['-c', tox], { encoding: 'utf8' })).toBe(`[${v}]`);
      const ci = parseYaml(content(files, '.gitlab-ci.yml')) as Record<string, { script: string[] }>;
      const run = ci['integration-test']!.script.at(-1)!;
      const args = dockerArgs(run);
      const inner = args.at(-1)!; // sh -c '<install> && <test command>'
      expect(args.slice(0, 2)).toEqual(['run', '--rm']);
      // The pip install (a stub here) then exactly the test command.
      expect(execFileSync('sh', ['-c', `python() { :; }\n${inner}`], { encoding: 'utf8' })).toBe(`[${v}]`);
    },
  },
  {
    name: 'test.lint',
    patch: (v) => ({ test: { lint: ['printf', '[%s]', v] } }),
    roundTrip: (files, v) => {
      if (hasMake) expect(makeRun(content(files, 'Makefile'), 'lint')).toBe(`[${v}]`);
    },
  },
  {
    name: 'deploy.environment.name',
    patch: (v) => ({ deploy: { environment: { name: v } } }),
    roundTrip: (files, v) => {
      const ci = parseYaml(content(files, '.gitlab-ci.yml')) as Record<string, { environment: { name: string }; resource_group: string }>;
      expect(ci.deploy!.environment.name).toBe(v);
      expect(ci.deploy!.resource_group).toBe(v);
    },
  },
  { name: 'deploy.environment.url', patch: (v) => ({ deploy: { environment: { name: 'production', url: `https://x.example.com/${v}` } } }) },
  {
    name: 'deploy.ssh.command',
    patch: (v) => ({ deploy: { ssh: { hostVariable: 'H', userVariable: 'U', keyVariable: 'K', knownHostsVariable: 'KH', command: v } } }),
    roundTrip: (files, v) => {
      const ci = parseYaml(content(files, '.gitlab-ci.yml')) as Record<string, { variables: { DEPLOY_COMMAND: { value: string; expand: boolean } } }>;
      expect(ci.deploy!.variables.DEPLOY_COMMAND).toEqual({ value: v, expand: false });
    },
  },
  { name: 'deploy.ssh.hostVariable', patch: (v) => ({ deploy: { ssh: { hostVariable: v, userVariable: 'U', keyVariable: 'K', knownHostsVariable: 'KH' } } }) },
  {
    name: 'deploy.kubernetes.namespace',
    patch: (v) => ({ deploy: { method: 'kubernetes', ssh: undefined, kubernetes: { namespace: v, deployment: 'd', container: 'c' } } }),
    roundTrip: (files, v) => {
      const ci = parseYaml(content(files, '.gitlab-ci.yml')) as Record<string, { variables: { KUBE_NAMESPACE: unknown } }>;
      const ns = ci.deploy!.variables.KUBE_NAMESPACE;
      expect(ns).toEqual(v.includes('$') ? { value: v, expand: false } : v);
    },
  },
  {
    name: 'deploy.compose.file',
    patch: (v) => ({ deploy: { method: 'compose', ssh: undefined, compose: { file: v, hostVariable: 'H', userVariable: 'U', keyVariable: 'K', knownHostsVariable: 'KH' } } }),
  },
  {
    name: 'ci.defaultBranch',
    patch: (v) => ({ ci: { defaultBranch: v } }),
    roundTrip: (files, v) => {
      const ci = parseYaml(content(files, '.gitlab-ci.yml')) as Record<string, { rules: { if?: string }[] }>;
      const rule = ci.release!.rules.map((r) => r.if).find((i) => i?.startsWith('$CI_COMMIT_BRANCH'))!;
      const m = /^\$CI_COMMIT_BRANCH == (["'])(.*)\1$/s.exec(rule);
      expect(m?.[2]).toBe(v);
    },
  },
  { name: 'ci.registryImage', patch: (v) => ({ ci: { registryImage: v } }) },
  { name: 'ci.dockerVersion', benign: '27.3', patch: (v) => ({ ci: { dockerVersion: v } }) },
  { name: 'ci.notifyWebhookVariable', patch: (v) => ({ ci: { notifyWebhookVariable: v } }) },
  { name: 'runtime.version', benign: '3.11', patch: (v) => ({ runtime: { version: v } }) },
  { name: 'runtime.matrix', benign: '3.13', patch: (v) => ({ runtime: { version: '3.12', matrix: ['3.12', v] } }) },
  { name: 'image.systemPackages', patch: (v) => ({ image: { systemPackages: [v] } }) },
  { name: 'image.buildPackages', patch: (v) => ({ image: { buildPackages: [v] } }) },
  { name: 'image.user.name', patch: (v) => ({ image: { user: { name: v, uid: 10001, gid: 10001 } } }) },
  { name: 'image.workdir', patch: (v) => ({ image: { workdir: `/${v}` } }) },
  { name: 'image.copy', patch: (v) => ({ image: { copy: [v] } }) },
  {
    name: 'image.dockerignore',
    patch: (v) => ({ image: { dockerignore: [v] } }),
    roundTrip: (files, v) => expect(content(files, '.dockerignore').split('\n')).toContain(v),
  },
  { name: 'python.requirements', patch: (v) => ({ python: { requirements: v } }) },
  { name: 'python.indexUrl', patch: (v) => ({ python: { indexUrl: `https://mirror.example.com/${v}` } }) },
  { name: 'python.wheelsDir', patch: (v) => ({ python: { wheelsDir: v } }) },
  { name: 'name', patch: (v) => ({ name: v }) },
];

const PWNED = '/tmp/slipway-pwned';

describe('injection attempts', async () => {
  const baseline = shape(await generate(project()));
  beforeAll(() => rmSync(PWNED, { force: true }));
  // Every generated command that the tests ran (make, sh, tox lines) ran only what it should.
  afterAll(() => expect(existsSync(PWNED)).toBe(false));

  describe.each(FIELDS.map((f) => [f.name, f] as const))('%s', (_name, field) => {
    test.each(NASTY)('%j is refused or written as exactly that value', async (value) => {
      // The same field with a harmless value gives the shape every nasty value must keep.
      const p = project(field.patch(value));
      await expectRefusedOrExact(p, project(field.patch(field.benign ?? 'plain')), (files) => field.roundTrip?.(files, value, p));
    });
  });

  test('values that can be written are written, not refused', async () => {
    // Guards the test above against a generator that refuses everything.
    const p = project({ image: { env: { APP_ENV: `a"b'c $(x) \`y\` {{ z }} : # & *` } }, deploy: { environment: { name: 'prod: "eu" #1' } } });
    const files = await generate(p);
    expect(dockerEnv(content(files, 'Dockerfile')).APP_ENV).toBe(`a"b'c $(x) \`y\` {{ z }} : # & *`);
    expect(shape(files)).toEqual(baseline);
  });

  test('a newline is refused in Dockerfile, Makefile and tox values (YAML escapes it as \\n)', async () => {
    for (const patch of [{ image: { env: { APP_ENV: 'a\nb' } } }, { app: { command: ['a\nb'] } }, { test: { command: ['a\nb'] } }]) {
      await expect(generate(project(patch as Parameters<typeof project>[0]))).rejects.toThrow(/must be a single line/);
    }
    const ci = parseYaml(content(await generate(project({ deploy: { environment: { name: 'a\nb' } } })), '.gitlab-ci.yml')) as Record<string, { environment: { name: string } }>;
    expect(ci.deploy!.environment.name).toBe('a\nb');
  });
});
