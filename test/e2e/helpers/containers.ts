/**
 * Building and running generated images with podman, offline: scripts/e2e/podman gives every
 * call a private configuration and storage (the state dir, kept across runs in the temp dir so
 * the debootstrap base image is built once), scripts/e2e/base-image builds that base image, and
 * scripts/e2e/docker stands in for `docker` in the generated Makefile's targets.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { REPO_ROOT } from './project.js';
import { commandPath, isRoot, missingCommands, run, type RunResult } from './run.js';

export const E2E_SCRIPTS = join(REPO_ROOT, 'scripts', 'e2e');
const SCRIPT_FILES = ['podman', 'docker', 'base-image', 'debian-wheels.py', 'consistent-metadata.py'];

/** The image scripts/e2e/base-image builds; the tests tag it as the `python:…` images Dockerfiles name. */
export const BASE_IMAGE_REF = 'localhost/slipway-e2e/python-base:bookworm';

/**
 * The state directory: $SLIPWAY_E2E_STATE, else one in the temp dir named after a hash of the
 * scripts, so that changing how the base image is made starts from a fresh one.
 */
export function e2eStateDir(): string {
  if (process.env.SLIPWAY_E2E_STATE) return process.env.SLIPWAY_E2E_STATE;
  const hash = createHash('sha256');
  for (const f of SCRIPT_FILES) hash.update(f).update(readFileSync(join(E2E_SCRIPTS, f)));
  return join(tmpdir(), `slipway-e2e-${hash.digest('hex').slice(0, 12)}`);
}

/** Why the container builds cannot run here, or undefined when they can. */
export function containerBuildsUnavailable(): string | undefined {
  if (process.platform !== 'linux') return `container builds need Linux (this is ${process.platform})`;
  if (!isRoot()) return 'container builds need root (debootstrap, chroot builds, nsenter)';
  const missing = missingCommands(['podman', 'runc', 'debootstrap', 'chroot', 'flock', 'nsenter', 'curl', 'make', 'tar']);
  if (missing.length) return `container builds need ${missing.join(', ')} on PATH (Debian: apt-get install buildah podman runc conmon debootstrap curl make)`;
  return undefined;
}

export class Podman {
  readonly env: NodeJS.ProcessEnv;
  constructor(readonly stateDir: string) {
    this.env = { ...process.env, SLIPWAY_E2E_STATE: stateDir };
  }

  run(args: readonly string[], timeoutMs = 60_000, cwd?: string): Promise<RunResult> {
    return run(join(E2E_SCRIPTS, 'podman'), args, { env: this.env, timeoutMs, ...(cwd ? { cwd } : {}) });
  }

  /** Builds the debootstrap base image unless the state dir already holds it (minutes the first time). */
  ensureBaseImage(): Promise<RunResult> {
    return run(join(E2E_SCRIPTS, 'base-image'), [], { env: this.env, timeoutMs: 15 * 60_000 });
  }

  /**
   * An environment whose `docker` is scripts/e2e/docker (through a symlink in `binDir`), for
   * running the generated Makefile's image targets; what it builds is labelled with `runId`.
   */
  dockerEnv(binDir: string, runId: string): NodeJS.ProcessEnv {
    mkdirSync(binDir, { recursive: true });
    symlinkSync(join(E2E_SCRIPTS, 'docker'), join(binDir, 'docker'));
    return { ...this.env, SLIPWAY_E2E_RUN: runId, PATH: [binDir, process.env.PATH ?? ''].join(delimiter) };
  }

  /** Removes every image built with `runId` (tagged, superseded or intermediate). */
  async removeRunImages(runId: string): Promise<void> {
    const ids = await this.run(['images', '--all', '--quiet', '--filter', `label=slipway-e2e-run=${runId}`]);
    const unique = [...new Set(ids.stdout.split('\n').filter(Boolean))];
    if (unique.length) await this.run(['rmi', '--force', ...unique], 120_000);
  }
}

/**
 * The images a Dockerfile's FROM lines name, with `${ARG}` references replaced by the defaults of
 * the ARGs declared before the first FROM; stage names (`FROM base AS …`) are left out.
 */
export function fromImages(dockerfile: string): string[] {
  const args = new Map<string, string>();
  const stages = new Set<string>();
  const images: string[] = [];
  let seenFrom = false;
  for (const line of dockerfile.split('\n')) {
    const arg = /^ARG\s+([A-Za-z_][A-Za-z0-9_]*)(?:=(\S*))?\s*$/i.exec(line);
    if (arg && !seenFrom) args.set(arg[1]!, arg[2] ?? '');
    const from = /^FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?\s*$/i.exec(line);
    if (!from) continue;
    seenFrom = true;
    const image = from[1]!.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string | undefined, b: string | undefined) => args.get((a ?? b)!) ?? '');
    if (!stages.has(image)) images.push(image);
    if (from[2]) stages.add(from[2]);
  }
  return images;
}

/** Whether `image` names a Debian bookworm Python image the base image can stand in for. */
export function isDebianPythonImage(image: string): boolean {
  return /^(docker\.io\/)?(library\/)?python:[0-9.]+-(slim-)?bookworm$/.test(image);
}

/** The listening TCP sockets in /proc/net/tcp{,6} text: address (hex), port and owner uid. */
export function listeningSockets(procNetTcp: string): { address: string; port: number; uid: number }[] {
  const sockets: { address: string; port: number; uid: number }[] = [];
  for (const line of procNetTcp.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 8 || fields[3] !== '0A') continue; // 0A: TCP_LISTEN
    const [address, port] = fields[1]!.split(':');
    sockets.push({ address: address!, port: parseInt(port!, 16), uid: Number(fields[7]) });
  }
  return sockets;
}

export function isWildcardAddress(hex: string): boolean {
  return /^0+$/.test(hex);
}

/** curl on the host inside the network namespace of process `pid`: only its loopback is reachable. */
export function curlInNetns(pid: number, url: string): Promise<RunResult> {
  const curl = commandPath('curl') ?? 'curl';
  return run('nsenter', ['--target', String(pid), '--net', '--', curl, '--silent', '--show-error', '--max-time', '2', '--write-out', '\n%{http_code}', url], {
    timeoutMs: 10_000,
  });
}
