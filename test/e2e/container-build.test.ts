/**
 * The generated Dockerfiles build and run: for every Debian-based preset × layering it supports,
 * the preset's example project (its own slipway.yaml with that variant and layering) with its
 * generated files is built by the generated Makefile (`make build`, base image first for base-app)
 * with podman standing in for docker, against local stand-ins for the registry images its FROM lines
 * name (scripts/e2e/base-image: Debian's Python, the official Node.js build, Debian's Go, Debian's
 * nginx as nginx-unprivileged, a distroless-like static image; no container registry, no PyPI); the
 * container runs as the descriptor's non-root user, answers HTTP on the descriptor's port, passes its
 * own HEALTHCHECK, and the example's tests pass inside the image (`make integration`: the test stage,
 * `--target test`, for builder layering).
 *
 * Containers run with `--network none` and are reached by curl inside their network namespace, on
 * 127.0.0.1 only. Builds have the network: `npm ci` fetches the Node examples' dependencies from the
 * npm registry (Python's come from Debian, Go's example has none). Needs root, podman, runc,
 * debootstrap (see .ci/run) and npm; skipped with the reason otherwise. The first run builds the
 * stand-in images (a minute or two); later runs reuse them from the state dir in the temp dir (see
 * helpers/containers.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Project } from '../../src/descriptor/model.js';
import { generate } from '../../src/generate/index.js';
import {
  containerBuildsUnavailable,
  curlInNetns,
  e2eStateDir,
  fromImages,
  fullImageName,
  isWildcardAddress,
  listeningSocketsOf,
  Podman,
  processIds,
  standInFor,
  type StandIn,
} from './helpers/containers.js';
import { caseName, exampleCaseDescriptor, exampleForPreset, LAYERINGS, PRESETS, presetLanguage, resolveIfValid, writeProject, type PresetCase } from './helpers/project.js';
import { describeRun, run, type RunResult } from './helpers/run.js';
import { expectTestsPassed } from './helpers/test-runs.js';

const unavailable = containerBuildsUnavailable();
if (unavailable) console.warn(`e2e container builds skipped: ${unavailable}`);

interface BuildCase extends PresetCase {
  example: string;
  descriptor: string;
  project: Project;
  /** Registry images the Dockerfiles start FROM (the base-app image's own base aside), each with its stand-in. */
  images: { image: string; standIn: StandIn }[];
}

/** Every slim preset × layering the descriptor accepts, and why the others are not built. */
async function buildCases(): Promise<{ cases: BuildCase[]; skipped: string[] }> {
  const cases: BuildCase[] = [];
  const skipped: string[] = [];
  for (const preset of PRESETS) {
    skipped.push(`${preset}-alpine-*: not built — Debian ships no Alpine rootfs to make a local Alpine base image from`);
    const example = exampleForPreset(preset);
    if (!example) throw new Error(`preset ${preset} has no example application: add examples/${preset}/`);
    for (const layering of LAYERINGS) {
      const c: PresetCase = { preset, variant: 'slim', layering };
      const descriptor = exampleCaseDescriptor(example, c);
      const project = resolveIfValid(descriptor);
      if (!project) continue; // a layering the preset does not support (Go and node-vite: builder only)
      if (project.app.port === undefined) {
        skipped.push(`${caseName(c)}: not built — not a service with a port (app.kind ${project.app.kind}); the HTTP and HEALTHCHECK checks do not apply`);
        continue;
      }
      const files = await generate(project);
      // base-app: the Dockerfile starts FROM the image Dockerfile.base builds.
      const dockerfiles = files.filter((f) => (layering === 'base-app' ? f.path === 'Dockerfile.base' : f.path === 'Dockerfile'));
      const names = [...new Set(dockerfiles.flatMap((f) => fromImages(f.content)))];
      const missing = names.filter((image) => !standInFor(image));
      if (missing.length) {
        skipped.push(`${caseName(c)}: not built — no local stand-in for ${missing.join(', ')} (see scripts/e2e/base-image)`);
        continue;
      }
      cases.push({ ...c, example, descriptor, project, images: names.map((image) => ({ image, standIn: standInFor(image)! })) });
    }
  }
  return { cases, skipped };
}

const { cases, skipped } = unavailable ? { cases: [], skipped: [] } : await buildCases();

const BUILD_TIMEOUT = 5 * 60_000;
const READY_TIMEOUT = 30_000;

describe.skipIf(unavailable !== undefined)(`container builds${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  const runId = `${process.pid.toString(36)}${randomBytes(3).toString('hex')}`;
  let podman: Podman;
  let work: string;
  let dockerEnv: NodeJS.ProcessEnv;

  beforeAll(async () => {
    podman = new Podman(e2eStateDir());
    // The stand-ins build side by side (they share the Debian minbase image, made first, once).
    const standIns = new Map(cases.flatMap((c) => c.images.map(({ standIn }) => [standIn.ref, standIn] as const)));
    const results = await Promise.all([...standIns.values()].map(async (s) => [s, await podman.ensureStandIn(s)] as const));
    for (const [s, result] of results) if (result.code !== 0) throw new Error(describeRun(`scripts/e2e/base-image ${s.args.join(' ')}`, result));
    const tags = new Map(cases.flatMap((c) => c.images.map(({ image, standIn }) => [fullImageName(image), standIn.ref] as const)));
    for (const [name, ref] of tags) {
      const tagged = await podman.run(['tag', ref, name]);
      if (tagged.code !== 0) throw new Error(describeRun(`podman tag ${ref} ${name}`, tagged));
    }
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
    const language = presetLanguage(c.preset);
    let dir: string;
    let project: Project;
    let built: RunResult | undefined;
    let pid = 0;
    let ready: { status: string; last: string } | undefined;

    const make = (target: string, options: string[] = []) =>
      run('make', [...options, target, `IMAGE=${image}`, `TAG=${tag}`], { cwd: dir, env: dockerEnv, timeoutMs: BUILD_TIMEOUT });

    beforeAll(async () => {
      dir = join(work, name);
      project = await writeProject(dir, c.example, c.descriptor);
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

    test("answers HTTP on the descriptor's port, listening on every interface", () => {
      expect(pid, 'no container').toBeGreaterThan(0);
      const port = project.app.port!;
      expect(ready?.status, `GET ${healthUrl(project)} in the container's network namespace:\n${ready?.last}`).toBe('200');
      const sockets = listeningSocketsOf(pid).filter((s) => s.port === port);
      expect(sockets.some((s) => isWildcardAddress(s.address)), `listening on port ${port}: ${JSON.stringify(sockets)}`).toBe(true);
    });

    test("runs as the descriptor's non-root user", async () => {
      expect(pid, 'no container').toBeGreaterThan(0);
      const { uid, gid } = project.image.user;
      expect(uid).not.toBe(0);
      const config = await podman.run(['image', 'inspect', '--format', '{{.Config.User}}', `${image}:${tag}`]);
      expect(config.stdout.trim()).toBe(`${uid}:${gid}`);
      // The application process itself (PID 1 of the container): its real and effective ids.
      expect(processIds(pid)).toEqual({ uid: [uid, uid], gid: [gid, gid] });
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

    const integration = c.layering === 'builder' ? "`make integration` builds the test stage (--target test) and the example's tests pass in it" : "`make integration` passes the example's tests inside the image";
    test(integration, async () => {
      expect(built?.code, 'the image did not build').toBe(0);
      // `-o build`: the image `make build` just made serves (`integration: build` would build it again).
      const result = await make('integration', ['-o', 'build']);
      expect(result.code, describeRun('make integration', result)).toBe(0);
      if (c.layering === 'builder') expect(result.output).toMatch(/^docker build --target test /m);
      expectTestsPassed(language, result.output);
    }, BUILD_TIMEOUT);
  });

  for (const reason of skipped) test.skip(reason, () => {});
});

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
