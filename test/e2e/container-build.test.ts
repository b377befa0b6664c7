/**
 * The generated Dockerfiles build and run: for every Debian-based preset × layering it supports,
 * the preset's example project (its own slipway.yaml with that variant and layering) with its
 * generated files is built by the generated Makefile (`make build`, base image first for base-app)
 * with podman standing in for docker, against local stand-ins for the registry images its FROM lines
 * name (scripts/e2e/base-image: Debian's Python, the official Node.js build, Debian's Go, Debian's
 * nginx as nginx-unprivileged, a distroless-like static image; no container registry, no PyPI); the
 * example's tests pass inside the image (`make integration`: the test stage, `--target test`, for
 * builder layering), and the image runs as the descriptor's non-root user:
 * - a service answers HTTP on the descriptor's port and passes its own HEALTHCHECK;
 * - a command-line program (app.kind cli, no EXPOSE, no HEALTHCHECK) runs the way its users run it,
 *   `docker run --rm -v "$PWD:<app.workdir>" <image> <args>`, on a host directory of known files,
 *   and prints what the example's CLI prints, with its exit status; `make run ARGS=…` too. Its user
 *   is read from /proc while it is held reading a FIFO.
 *
 * Containers run with `--network none` and are reached by curl inside their network namespace, on
 * 127.0.0.1 only. Builds have the network: `npm ci` fetches the Node examples' dependencies from the
 * npm registry (Python's come from Debian, Go's example has none). Needs root, podman, runc,
 * debootstrap (see .ci/run) and npm; skipped with the reason otherwise. The first run builds the
 * stand-in images (a minute or two); later runs reuse them from the state dir in the temp dir (see
 * helpers/containers.ts).
 */
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
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
      if (project.app.kind === 'service' && project.app.port === undefined) {
        skipped.push(`${caseName(c)}: not built — a service without a port; the HTTP and HEALTHCHECK checks do not apply`);
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
/** Services are run and reached over HTTP; command-line programs are run on files with arguments. */
const services = cases.filter((c) => c.project.app.kind === 'service');
const clis = cases.filter((c) => c.project.app.kind === 'cli');

const BUILD_TIMEOUT = 5 * 60_000;
const READY_TIMEOUT = 30_000;
const TAG = 'e2e';

/** What the tests read of `podman image inspect`'s Config. */
interface ImageConfig {
  ExposedPorts?: Record<string, unknown> | null;
  Healthcheck?: unknown;
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  WorkingDir?: string;
}

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

  /** The generated Makefile's targets in the case's project directory, on the case's image. */
  const makeTarget = (dir: string, image: string) => (target: string, options: string[] = []) =>
    run('make', [...options, target, `IMAGE=${image}`, `TAG=${TAG}`], { cwd: dir, env: dockerEnv, timeoutMs: BUILD_TIMEOUT });

  /** `make integration` on the image `make build` made, passing the example's tests (the test stage for builder). */
  const integrationTest = (c: BuildCase, make: () => ReturnType<ReturnType<typeof makeTarget>>, built: () => RunResult | undefined) => {
    const title = c.layering === 'builder' ? "`make integration` builds the test stage (--target test) and the example's tests pass in it" : "`make integration` passes the example's tests inside the image";
    test(title, async () => {
      expect(built()?.code, 'the image did not build').toBe(0);
      const result = await make();
      expect(result.code, describeRun('make integration', result)).toBe(0);
      if (c.layering === 'builder') expect(result.output).toMatch(/^docker build --target test /m);
      expectTestsPassed(presetLanguage(c.preset), result.output);
    }, BUILD_TIMEOUT);
  };

  describe.each(services.map((c) => [caseName(c), c] as const))('%s', (name, c) => {
    const image = `localhost/e2e-${runId}/${name}`;
    const container = `slipway-e2e-${runId}-${name}`;
    let dir: string;
    let project: Project;
    let built: RunResult | undefined;
    let pid = 0;
    let ready: { status: string; last: string } | undefined;

    const make = (target: string, options: string[] = []) => makeTarget(dir, image)(target, options);

    beforeAll(async () => {
      dir = join(work, name);
      project = await writeProject(dir, c.example, c.descriptor);
      built = await make('build');
      if (built.code !== 0) return;
      const started = await podman.run(['run', '--detach', '--name', container, '--network', 'none', '--health-interval', 'disable', `${image}:${TAG}`]);
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
      const config = await podman.run(['image', 'inspect', '--format', '{{.Config.User}}', `${image}:${TAG}`]);
      expect(config.stdout.trim()).toBe(`${uid}:${gid}`);
      // The application process itself (PID 1 of the container): its real and effective ids.
      expect(processIds(pid)).toEqual({ uid: [uid, uid], gid: [gid, gid] });
    });

    test('the image HEALTHCHECK passes inside the running container', async () => {
      expect(pid, 'no container').toBeGreaterThan(0);
      const inspect = await podman.run(['image', 'inspect', '--format', '{{json .Config.Healthcheck}}', `${image}:${TAG}`]);
      const healthcheck = JSON.parse(inspect.stdout) as { Test?: string[] } | null;
      expect(healthcheck?.Test?.[0], 'the image has no HEALTHCHECK').toMatch(/^CMD/);
      expect(ready?.status, 'the application never answered').toBe('200');
      const health = await podman.run(['healthcheck', 'run', container]);
      expect(health.code, describeRun(`podman healthcheck run (${JSON.stringify(healthcheck?.Test)})`, health)).toBe(0);
    });

    // `-o build`: the image `make build` just made serves (`integration: build` would build it again).
    integrationTest(c, () => make('integration', ['-o', 'build']), () => built);
  });

  describe.each(clis.map((c) => [caseName(c), c] as const))('%s', (name, c) => {
    const image = `localhost/e2e-${runId}/${name}`;
    const container = `slipway-e2e-${runId}-${name}`;
    let dir: string;
    let files: string;
    let project: Project;
    let built: RunResult | undefined;
    let started = false;

    const make = (target: string, options: string[] = []) => makeTarget(dir, image)(target, options);
    /** The image run the way its users run it: a host directory mounted at app.workdir, the arguments after the image. */
    const runCli = (args: string[], options: string[] = []) =>
      podman.run(['run', '--network', 'none', '--volume', `${files}:${project.app.workdir!}`, ...options, `${image}:${TAG}`, ...args]);

    beforeAll(async () => {
      dir = join(work, name);
      project = await writeProject(dir, c.example, c.descriptor);
      // The user's files: readable by the image's user (mkdtemp's 0700 would hide them from it).
      files = join(work, `${name}-files`);
      mkdirSync(files, { mode: 0o755 });
      chmodSync(files, 0o755);
      writeFileSync(join(files, 'a.txt'), 'one\ntwo\n');
      writeFileSync(join(files, 'b.txt'), 'three');
      built = await make('build');
    }, BUILD_TIMEOUT);

    afterAll(async () => {
      if (started) await podman.run(['rm', '--force', '--time', '0', container]);
    }, 60_000);

    test('`make build` builds the image, a program without a port or HEALTHCHECK', async () => {
      expect(built, 'make build did not run').toBeDefined();
      expect(built!.code, describeRun('make build', built!)).toBe(0);
      const inspect = await podman.run(['image', 'inspect', '--format', '{{json .Config}}', `${image}:${TAG}`]);
      expect(inspect.code, describeRun('podman image inspect', inspect)).toBe(0);
      const config = JSON.parse(inspect.stdout) as ImageConfig;
      expect(config.ExposedPorts ?? {}, 'EXPOSE in a command-line image').toEqual({});
      expect(config.Healthcheck ?? null, 'HEALTHCHECK in a command-line image').toBeNull();
      expect(config.Entrypoint).toEqual(project.app.command);
      expect(config.Cmd ?? []).toEqual(project.app.args);
      expect(config.WorkingDir).toBe(project.app.workdir);
    });

    test('counts the lines of the files mounted at app.workdir, given as arguments', async () => {
      expect(built?.code, 'the image did not build').toBe(0);
      const counted = await runCli(['a.txt', 'b.txt'], ['--rm']);
      expect(counted.code, describeRun('podman run … a.txt b.txt', counted)).toBe(0);
      expect(counted.stdout).toBe('       2 a.txt\n       1 b.txt\n       3 total\n');
      const missing = await runCli(['missing.txt'], ['--rm']);
      expect(missing.code, describeRun('podman run … missing.txt', missing)).toBe(1);
      expect(missing.stderr).toMatch(/count-lines: missing\.txt: no such file/);
      expect(missing.stdout).toBe('');
    });

    test("without arguments it runs the descriptor's default arguments", async () => {
      expect(built?.code, 'the image did not build').toBe(0);
      expect(project.app.args).toEqual(['--help']);
      const help = await runCli([], ['--rm']);
      expect(help.code, describeRun('podman run (no arguments)', help)).toBe(0);
      expect(help.stdout).toBe('usage: count-lines FILE...\n');
    });

    test('`make run ARGS=…` runs the program on the project directory', async () => {
      expect(built?.code, 'the image did not build').toBe(0);
      const result = await make('run', ['-o', 'build', 'ARGS=package.json count.js']);
      expect(result.code, describeRun('make run', result)).toBe(0);
      const lines = (file: string) => String(readFileSync(join(dir, file), 'utf8').split('\n').length - 1).padStart(8);
      expect(result.stdout).toContain(`${lines('package.json')} package.json\n${lines('count.js')} count.js\n`);
    });

    test("runs as the descriptor's non-root user", async () => {
      expect(built?.code, 'the image did not build').toBe(0);
      const { uid, gid } = project.image.user;
      expect(uid).not.toBe(0);
      const config = await podman.run(['image', 'inspect', '--format', '{{.Config.User}}', `${image}:${TAG}`]);
      expect(config.stdout.trim()).toBe(`${uid}:${gid}`);
      // The program reads a FIFO, which holds it (PID 1 of the container) until the host writes:
      // its real and effective ids are read from /proc meanwhile, then it finishes and counts.
      const fifo = join(files, 'held.fifo');
      const made = await run('mkfifo', ['--mode', '0644', fifo], { timeoutMs: 10_000 });
      expect(made.code, describeRun('mkfifo', made)).toBe(0);
      const detached = await runCli(['held.fifo'], ['--detach', '--name', container]);
      expect(detached.code, describeRun('podman run --detach … held.fifo', detached)).toBe(0);
      started = true;
      const inspect = await podman.run(['inspect', '--format', '{{.State.Pid}}', container]);
      const pid = Number(inspect.stdout.trim());
      expect(pid, describeRun('podman inspect', inspect)).toBeGreaterThan(0);
      expect(processIds(pid)).toEqual({ uid: [uid, uid], gid: [gid, gid] });
      await writeToFifo(fifo, 'x\ny\n', READY_TIMEOUT);
      const waited = await podman.run(['wait', container]);
      expect(waited.stdout.trim(), describeRun('podman wait', waited)).toBe('0');
      const logs = await podman.run(['logs', container]);
      expect(logs.stdout).toBe('       2 held.fifo\n');
    }, 2 * READY_TIMEOUT);

    // `-o build`: the image `make build` just made serves (`integration: build` would build it again).
    integrationTest(c, () => make('integration', ['-o', 'build']), () => built);
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

/**
 * Writes `text` to the FIFO at `path` once a reader has it open (a non-blocking open fails with
 * ENXIO until then), polling for at most `timeoutMs`.
 */
async function writeToFifo(path: string, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(path, fsConstants.O_WRONLY | fsConstants.O_NONBLOCK);
      try {
        await handle.writeFile(text);
      } finally {
        await handle.close();
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENXIO' || Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
