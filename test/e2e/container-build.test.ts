/**
 * The generated Dockerfiles build and run: for every Debian-based preset × layering, the example
 * application with its generated files is built by the generated Makefile (`make build`, base image
 * first for base-app) with podman standing in for docker, against a debootstrap image standing in
 * for `python:3.X-slim-bookworm` (no registry, no PyPI); the container runs as the descriptor's
 * non-root user, answers HTTP on the descriptor's port, passes its own HEALTHCHECK, and the
 * example's tests pass inside the image.
 *
 * No network is involved: containers run with `--network none` and are reached by curl inside their
 * network namespace, on 127.0.0.1 only. Needs root, podman, runc, debootstrap (see .ci/run);
 * skipped with the reason otherwise. The first run builds the base image (about two minutes); later
 * runs reuse it from the state dir in the temp dir (see helpers/containers.ts).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Project } from '../../src/descriptor/model.js';
import {
  BASE_IMAGE_REF,
  containerBuildsUnavailable,
  curlInNetns,
  e2eStateDir,
  fromImages,
  isDebianPythonImage,
  isWildcardAddress,
  listeningSockets,
  Podman,
} from './helpers/containers.js';
import { caseName, exampleForPreset, LAYERINGS, PRESETS, presetDescriptor, presetLanguage, writeProject, type PresetCase } from './helpers/project.js';
import { expectPytestPassed } from './helpers/pytest.js';
import { describeRun, run, type RunResult } from './helpers/run.js';

const unavailable = containerBuildsUnavailable();
if (unavailable) console.warn(`e2e container builds skipped: ${unavailable}`);

/** Languages the debootstrap base image can stand in for. */
const BASE_IMAGE_LANGUAGES = new Set(['python']);
const debianPresets = PRESETS.filter((p) => BASE_IMAGE_LANGUAGES.has(presetLanguage(p)));
const otherPresets = PRESETS.filter((p) => !BASE_IMAGE_LANGUAGES.has(presetLanguage(p)));

const cases: PresetCase[] = debianPresets.flatMap((preset) => LAYERINGS.map((layering) => ({ preset, variant: 'slim' as const, layering })));

const BUILD_TIMEOUT = 5 * 60_000;
const READY_TIMEOUT = 30_000;

describe.skipIf(unavailable !== undefined)(`container builds${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  const runId = `${process.pid.toString(36)}${randomBytes(3).toString('hex')}`;
  let podman: Podman;
  let work: string;
  let dockerEnv: NodeJS.ProcessEnv;

  beforeAll(async () => {
    podman = new Podman(e2eStateDir());
    const base = await podman.ensureBaseImage();
    if (base.code !== 0) throw new Error(describeRun('scripts/e2e/base-image', base));
    work = mkdtempSync(join(tmpdir(), 'slipway-e2e-build-'));
    dockerEnv = podman.dockerEnv(join(work, 'bin'), runId);
  }, 16 * 60_000);

  afterAll(async () => {
    if (!podman) return;
    await podman.removeRunImages(runId);
    if (work) rmSync(work, { recursive: true, force: true });
  }, 180_000);

  describe.each(cases.map((c) => [caseName(c), c] as const))('%s', (name, c) => {
    const image = `localhost/e2e-${runId}/${name}`;
    const tag = 'e2e';
    const container = `slipway-e2e-${runId}-${name}`;
    let dir: string;
    let project: Project;
    let built: RunResult | undefined;
    let pid = 0;
    let ready: { status: string; last: string } | undefined;

    const make = (target: string) => run('make', [target, `IMAGE=${image}`, `TAG=${tag}`], { cwd: dir, env: dockerEnv, timeoutMs: BUILD_TIMEOUT });

    beforeAll(async () => {
      const example = exampleForPreset(c.preset);
      if (!example) throw new Error(`preset ${c.preset} has no example application: add examples/${c.preset}/`);
      dir = join(work, name);
      project = await writeProject(dir, example, presetDescriptor(c));
      await tagBaseImageAsFromImages(podman, dir);
      built = await make('build');
      if (built.code !== 0) return;
      const started = await podman.run(['run', '--detach', '--name', container, '--network', 'none', '--health-interval', 'disable', `${image}:${tag}`]);
      if (started.code !== 0) throw new Error(describeRun('podman run', started));
      const inspect = await podman.run(['inspect', '--format', '{{.State.Pid}}', container]);
      pid = Number(inspect.stdout.trim());
      ready = await pollHttp(pid, healthUrl(project), READY_TIMEOUT);
    }, BUILD_TIMEOUT + 2 * READY_TIMEOUT);

    afterAll(async () => {
      if (pid) await podman.run(['rm', '--force', '--time', '0', container]);
    }, 60_000);

    test('`make build` builds the image', () => {
      expect(built, 'make build did not run').toBeDefined();
      expect(built!.code, describeRun('make build', built!)).toBe(0);
      expect(pid, 'the container did not start').toBeGreaterThan(0);
    });

    test("answers HTTP on the descriptor's port, listening on every interface", async () => {
      expect(pid, 'no container').toBeGreaterThan(0);
      const port = project.app.port!;
      expect(ready?.status, `GET ${healthUrl(project)} in the container's network namespace:\n${ready?.last}`).toBe('200');
      const tcp = await podman.run(['exec', container, 'cat', '/proc/net/tcp', '/proc/net/tcp6']);
      const sockets = listeningSockets(tcp.stdout).filter((s) => s.port === port);
      expect(sockets.some((s) => isWildcardAddress(s.address)), `listening on port ${port}: ${JSON.stringify(sockets)}`).toBe(true);
    });

    test("runs as the descriptor's non-root user", async () => {
      expect(pid, 'no container').toBeGreaterThan(0);
      const { uid, gid } = project.image.user;
      expect(uid).not.toBe(0);
      const id = await podman.run(['exec', container, 'id', '-u']);
      expect(id.stdout.trim(), describeRun('id -u', id)).toBe(String(uid));
      const groups = await podman.run(['exec', container, 'id', '-g']);
      expect(groups.stdout.trim()).toBe(String(gid));
      // The application process itself, not just what `exec` gets: PID 1's real and effective uid.
      const status = await podman.run(['exec', container, 'cat', '/proc/1/status']);
      const uids = /^Uid:\s+(\d+)\s+(\d+)/m.exec(status.stdout);
      expect(uids?.slice(1, 3)).toEqual([String(uid), String(uid)]);
    });

    test('the image HEALTHCHECK passes inside the running container', async () => {
      expect(pid, 'no container').toBeGreaterThan(0);
      const inspect = await podman.run(['image', 'inspect', '--format', '{{json .Config.Healthcheck}}', `${image}:${tag}`]);
      const healthcheck = JSON.parse(inspect.stdout) as { Test?: string[] } | null;
      expect(healthcheck?.Test?.[0], 'the image has no HEALTHCHECK').toMatch(/^CMD/);
      expect(ready?.status, 'the application never answered').toBe('200');
      const health = await podman.run(['healthcheck', 'run', container]);
      expect(health.code, describeRun(`podman healthcheck run (${JSON.stringify(healthcheck?.Test)})`, health)).toBe(0);
    });

    test("`make integration` passes the example's tests inside the image", async () => {
      expect(built?.code, 'the image did not build').toBe(0);
      const integration = await make('integration');
      expect(integration.code, describeRun('make integration', integration)).toBe(0);
      expectPytestPassed(integration.output);
    }, BUILD_TIMEOUT);

    if (c.layering === 'builder') test("the builder's test stage (--target test) runs the example's tests", async () => {
      expect(built?.code, 'the image did not build').toBe(0);
      const testImage = `${image}:test-stage`;
      const build = await run('docker', ['build', '--target', 'test', '--tag', testImage, '.'], { cwd: dir, env: dockerEnv, timeoutMs: BUILD_TIMEOUT });
      expect(build.code, describeRun('docker build --target test', build)).toBe(0);
      const tests = await run('docker', ['run', '--rm', testImage], { cwd: dir, env: dockerEnv, timeoutMs: 120_000 });
      expect(tests.code, describeRun('docker run (test stage)', tests)).toBe(0);
      expectPytestPassed(tests.output);
    }, BUILD_TIMEOUT);
  });

  for (const preset of debianPresets) {
    test.skip(`${preset}-alpine-*: not built — Debian ships no Alpine rootfs to make a local python:3.X-alpine from`, () => {});
  }
  for (const preset of otherPresets) {
    test.skip(`${preset}: not built — no local base image for language ${presetLanguage(preset)} yet`, () => {});
  }
});

/** Tags the base image as every Debian Python image the project's Dockerfiles start FROM. */
async function tagBaseImageAsFromImages(podman: Podman, dir: string): Promise<void> {
  const dockerfiles = ['Dockerfile', 'Dockerfile.base'].filter((f) => existsSync(join(dir, f)));
  const pythonImages = dockerfiles.flatMap((f) => fromImages(readFileSync(join(dir, f), 'utf8'))).filter(isDebianPythonImage);
  if (pythonImages.length === 0) throw new Error(`no Debian python image in the FROM lines of ${dockerfiles.join(', ')}`);
  for (const image of new Set(pythonImages)) {
    const tagged = await podman.run(['tag', BASE_IMAGE_REF, image.includes('/') ? image : `docker.io/library/${image}`]);
    if (tagged.code !== 0) throw new Error(describeRun(`podman tag ${image}`, tagged));
  }
}

/** The URL of the descriptor's health path (or /) on its port, on the loopback address. */
function healthUrl(project: Project): string {
  return `http://127.0.0.1:${project.app.port!}${project.app.healthcheck?.path ?? '/'}`;
}

/** GETs `url` in the network namespace of `pid` until it answers 200 or `timeoutMs` passes. */
async function pollHttp(pid: number, url: string, timeoutMs: number): Promise<{ status: string; last: string }> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const result = await curlInNetns(pid, url);
    last = result.output.trim();
    const status = result.stdout.trim().split('\n').pop() ?? '';
    if (status === '200' || Date.now() > deadline) return { status, last };
    await new Promise((r) => setTimeout(r, 250));
  }
}
