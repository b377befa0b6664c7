/**
 * Building and running generated images with podman, without a container registry:
 * scripts/e2e/podman gives every call a private configuration and storage (the state dir, kept
 * across runs in the temp dir so the base images are built once), scripts/e2e/base-image builds
 * the local stand-ins for the registry images, and scripts/e2e/docker stands in for `docker` in the
 * generated Makefile's targets.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { REPO_ROOT } from './project.js';
import { commandPath, isRoot, missingCommands, run, type RunResult } from './run.js';

export const E2E_SCRIPTS = join(REPO_ROOT, 'scripts', 'e2e');
const SCRIPT_FILES = ['podman', 'docker', 'base-image', 'debian-wheels.py', 'consistent-metadata.py'];

/**
 * A local image standing in for a registry image: what `scripts/e2e/base-image <args>` builds, tagged
 * `ref`, which the tests tag with the registry image's name so that its FROM resolves without a pull.
 */
export interface StandIn {
  args: string[];
  ref: string;
}

/**
 * The stand-in for `image` (as a FROM line names it), or undefined when there is none: Debian-based
 * Python, Node.js and Go images, nginx-unprivileged and distroless/static (see scripts/e2e/base-image
 * for how close each is to the real one).
 */
export function standInFor(image: string): StandIn | undefined {
  const name = fullImageName(image);
  if (/^docker\.io\/library\/python:[0-9.]+-(slim-)?bookworm$/.test(name)) return { args: ['python'], ref: 'localhost/slipway-e2e/python-base:bookworm' };
  const node = /^docker\.io\/library\/node:(\d+)(\.[0-9.]+)?-bookworm(-slim)?$/.exec(name);
  if (node) return { args: ['node', node[1]!], ref: `localhost/slipway-e2e/node:${node[1]!}` };
  if (/^docker\.io\/library\/golang:[0-9.]+-bookworm$/.test(name)) return { args: ['golang'], ref: 'localhost/slipway-e2e/golang:bookworm' };
  if (/^docker\.io\/nginxinc\/nginx-unprivileged:[\w.-]+$/.test(name)) return { args: ['nginx'], ref: 'localhost/slipway-e2e/nginx-unprivileged:bookworm' };
  if (name === 'gcr.io/distroless/static-debian12:nonroot') return { args: ['distroless'], ref: 'localhost/slipway-e2e/distroless-static:nonroot' };
  return undefined;
}

/** `image` with the registry and namespace Docker assumes when a name has none (`node:24` → `docker.io/library/node:24`). */
export function fullImageName(image: string): string {
  const first = image.split('/')[0]!;
  if (image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) return image;
  return `docker.io/${image.includes('/') ? '' : 'library/'}${image}`;
}

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
  const missing = missingCommands(['podman', 'runc', 'debootstrap', 'chroot', 'unshare', 'flock', 'nsenter', 'curl', 'make', 'tar', 'npm']);
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

  /** Builds a stand-in image unless the state dir already holds it (a minute or two the first time). */
  ensureStandIn(standIn: StandIn): Promise<RunResult> {
    return run(join(E2E_SCRIPTS, 'base-image'), standIn.args, { env: this.env, timeoutMs: 15 * 60_000 });
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

/** The real and effective uid and gid of process `pid` (from /proc: no tool needed inside the container). */
export function processIds(pid: number): { uid: [number, number]; gid: [number, number] } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const ids = (key: string): [number, number] => {
    const m = new RegExp(`^${key}:\\s+(\\d+)\\s+(\\d+)`, 'm').exec(status);
    return m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  };
  return { uid: ids('Uid'), gid: ids('Gid') };
}

/** The TCP sockets listening in the network namespace of process `pid` (its /proc/PID/net/tcp{,6}). */
export function listeningSocketsOf(pid: number): { address: string; port: number; uid: number }[] {
  return ['tcp', 'tcp6'].flatMap((f) => {
    const path = `/proc/${pid}/net/${f}`;
    return existsSync(path) ? listeningSockets(readFileSync(path, 'utf8')) : [];
  });
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
