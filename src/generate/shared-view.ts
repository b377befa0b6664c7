/**
 * View parts every language shares: the image's user, packages and environment, the health check's
 * timings, the code copies, and the pipeline's Docker, release, deploy and notification jobs (the
 * `ci-docker` and `ci-release` partials in templates/common).
 */
import { posix } from 'node:path';
import type { Project } from '../descriptor/model.js';
import { CURL_IMAGE, SLIPWAY_NODE_IMAGE } from './versions.js';
import { deployView, type DeployView } from './deploy-view.js';
import * as v from './validate.js';
import { UnsafeValueError } from './unsafe-value.js';

export interface EnvVar {
  name: string;
  value: string;
}

/** A COPY of several sources into one directory of the image. */
export interface CopyGroup {
  sources: string[];
  dest: string;
}

export interface LanguageFlags {
  python: boolean;
  node: boolean;
  go: boolean;
}

export interface HealthcheckView {
  interval: string;
  timeout: string;
  startPeriod: string;
  retries: number;
  command: string[];
}

/** What the shared CI partials read under `ci`. */
export interface SharedCiView {
  stages: string[];
  test: boolean;
  build: boolean;
  release: boolean;
  deploy: boolean;
  registryImage: string;
  dockerImage: string;
  dindImage: string;
  cacheFrom: boolean;
  integration: boolean;
  notifyVariable: string | null;
  curlImage: string;
  matrix: string[];
  /** `rules:if` expression matching the default branch. */
  onDefaultBranch: string;
  latest: boolean;
  gitTag: boolean;
  deploy_: DeployView | null;
  /** The jobs that run slipway itself (ci.slipway), or null when neither is on. */
  slipway: SlipwayCiView | null;
}

/** The `slipway-lint` and `slipway-check` jobs. */
export interface SlipwayCiView {
  lint: boolean;
  check: boolean;
  image: string;
  /** `slipway@<version>`, what npx runs. */
  package: string;
  /** `--file <descriptor>` when the descriptor is not slipway.yaml. */
  fileArgs: string[];
  cacheKey: string;
}

/** What every language's view has: the image's shape, user, packages and commands. */
export interface BaseView {
  name: string;
  lang: LanguageFlags;
  /** Whether the image creates its user (the node and distroless images have theirs). */
  createUser: boolean;
  slim: boolean;
  alpine: boolean;
  single: boolean;
  builder: boolean;
  baseApp: boolean;
  env: EnvVar[];
  runtimePackages: string[];
  buildPackages: string[];
  /** Build package names without version pins (for purge / del). */
  buildPackageNames: string[];
  user: { name: string; uid: number; gid: number };
  workdir: string;
  /** Code copied into the image: one COPY each, `src` → `./src`. */
  codeCopies: { src: string; dest: string }[];
  port: number | null;
  healthcheck: HealthcheckView | null;
  command: string[];
  testCommand: string[];
  lintCommand: string[] | null;
  /** Files whose change invalidates the dependency layer (CI cache keys: GitLab takes at most two). */
  dependencyFiles: string[];
  /** Files the base image is built from (base-app): their hash is the base image's tag. */
  baseFiles: string[];
  /** `docker run` options and command that run the tests inside the built image (single, base-app). */
  testRunOptions: string[];
  testRunCommand: string[];
  /** `app.kind: cli`: the command is the ENTRYPOINT, `args` the CMD, and the program starts in `cliWorkdir`. */
  cli: boolean;
  args: string[];
  cliWorkdir: string | null;
}

/** The parts of BaseView every language computes the same way. */
export function baseView(
  project: Project,
  own: { env: readonly EnvVar[]; createUser: boolean; copiedBefore: readonly string[]; probe: ((url: string) => string[]) | null },
): Omit<BaseView, 'runtimePackages' | 'dependencyFiles' | 'baseFiles' | 'testRunOptions' | 'testRunCommand'> {
  const cli = project.app.kind === 'cli';
  return {
    name: v.projectName('name', project.name),
    lang: languageFlags(project),
    createUser: own.createUser,
    slim: project.image.variant === 'slim',
    alpine: project.image.variant === 'alpine',
    single: project.image.layering === 'single',
    builder: project.image.layering === 'builder',
    baseApp: project.image.layering === 'base-app',
    env: imageEnv(project, own.env),
    ...buildPackages(project),
    user: userView(project),
    workdir: v.absolutePath('image.workdir', project.image.workdir),
    codeCopies: codeCopies(project, own.copiedBefore),
    port: project.app.port === undefined ? null : v.port('app.port', project.app.port),
    healthcheck: healthcheckView(project, own.probe),
    command: project.app.command,
    testCommand: project.test.command,
    lintCommand: project.test.lint ?? null,
    cli,
    args: cli ? project.app.args : [],
    cliWorkdir: cli ? v.absolutePath('app.workdir', project.app.workdir ?? '') : null,
  };
}

/**
 * The tests run inside the built image: a `cli` image's ENTRYPOINT is its program and it starts in
 * `app.workdir`, so the test command replaces the entrypoint and runs where the code is.
 */
export function testRunInImage(project: Project, run: { testRunOptions: string[]; testRunCommand: string[] }): { testRunOptions: string[]; testRunCommand: string[] } {
  if (project.app.kind !== 'cli') return run;
  const [program, ...rest] = run.testRunCommand;
  return {
    testRunOptions: ['--entrypoint', program!, '--workdir', v.absolutePath('image.workdir', project.image.workdir), ...run.testRunOptions],
    testRunCommand: rest,
  };
}

export function languageFlags(project: Project): LanguageFlags {
  return { python: project.language === 'python', node: project.language === 'node', go: project.language === 'go' };
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

export function relList(what: string, paths: readonly string[]): string[] {
  return paths.map((p, i) => v.relativePath(`${what}[${i}]`, p));
}

/** Groups files by directory so each group is one `COPY a b ./dir/`. */
export function copyGroups(files: readonly string[]): CopyGroup[] {
  const groups = new Map<string, string[]>();
  for (const f of files) {
    const dir = posix.dirname(f);
    const dest = dir === '.' ? './' : `./${dir}/`;
    groups.set(dest, [...(groups.get(dest) ?? []), f]);
  }
  return [...groups].map(([dest, sources]) => ({ sources, dest }));
}

/** A string literal for a GitLab `rules:if` expression (which has no escapes). */
export function ciExpressionString(what: string, value: string): string {
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  throw new UnsafeValueError(what, value, 'cannot be compared in a rules:if expression (it contains both quote characters)');
}

/** The language's own environment, then TZ, then the descriptor's env sorted by name. */
export function imageEnv(project: Project, own: readonly EnvVar[]): EnvVar[] {
  const env: EnvVar[] = [...own];
  if (project.image.timezone !== undefined) env.push({ name: 'TZ', value: project.image.timezone });
  const taken = new Set(env.map((e) => e.name));
  for (const name of Object.keys(project.image.env).sort()) {
    if (taken.has(name)) throw new UnsafeValueError('image.env', name, 'is set by slipway itself');
    env.push({ name: v.variableName('image.env', name), value: project.image.env[name]! });
  }
  return env;
}

/** The probe of the health check: its command, or an HTTP probe built by `probe(url)`; null when there is none. */
export function healthcheckView(project: Project, probe: ((url: string) => string[]) | null): HealthcheckView | null {
  const hc = project.app.healthcheck;
  if (!hc) return null;
  let command: string[];
  if (hc.command && hc.command.length > 0) command = hc.command;
  else if (project.app.port !== undefined && probe !== null) {
    const path = v.httpPath('app.healthcheck.path', hc.path ?? '/');
    command = probe(`http://127.0.0.1:${v.port('app.port', project.app.port)}${path}`);
  } else return null;
  return {
    interval: v.duration('app.healthcheck.interval', hc.interval),
    timeout: v.duration('app.healthcheck.timeout', hc.timeout),
    startPeriod: v.duration('app.healthcheck.startPeriod', hc.startPeriod),
    retries: v.positiveInt('app.healthcheck.retries', hc.retries),
    command,
  };
}

export function userView(project: Project): { name: string; uid: number; gid: number } {
  return {
    name: v.userName('image.user.name', project.image.user.name),
    uid: v.nonRootId('image.user.uid', project.image.user.uid),
    gid: v.nonRootId('image.user.gid', project.image.user.gid),
  };
}

/** System packages of the runtime image, with tzdata when a time zone is set. */
export function runtimePackages(project: Project): string[] {
  const packages = project.image.systemPackages.map((p, i) => v.packageName(`image.systemPackages[${i}]`, p));
  if (project.image.timezone !== undefined && !packages.some((p) => p.split(/[=~]/)[0] === 'tzdata')) packages.push('tzdata');
  return unique(packages).sort();
}

export function buildPackages(project: Project): { buildPackages: string[]; buildPackageNames: string[] } {
  const packages = project.image.buildPackages.map((p, i) => v.packageName(`image.buildPackages[${i}]`, p));
  return { buildPackages: unique(packages).sort(), buildPackageNames: unique(packages.map((p) => p.split(/[=~]/)[0]!)).sort() };
}

/** Code copied into the image: one COPY each, `src` → `./src`, leaving out what is already copied. */
export function codeCopies(project: Project, copiedBefore: readonly string[]): { src: string; dest: string }[] {
  return relList('image.copy', project.image.copy)
    .map((src) => src.replace(/(?<!\/)\/+$/, '') || '.')
    .filter((src) => !copiedBefore.includes(src))
    .map((src) => ({ src, dest: src === '.' ? '.' : `./${src}` }));
}

/** The shared part of the pipeline's view. */
export function sharedCiView(project: Project, docker: { name: string; port: number | null }): SharedCiView {
  const ci = project.ci;
  const stages = ci.stages;
  return {
    stages,
    test: stages.includes('test'),
    build: stages.includes('build'),
    release: stages.includes('build') && stages.includes('release') && (project.release.latest || project.release.gitTag),
    deploy: stages.includes('build') && stages.includes('deploy') && project.deploy.method !== 'none',
    registryImage: v.imageRepository('ci.registryImage', ci.registryImage),
    dockerImage: `docker:${v.imageVersion('ci.dockerVersion', ci.dockerVersion)}`,
    dindImage: `docker:${ci.dockerVersion}-dind`,
    cacheFrom: ci.cacheFrom,
    integration: stages.includes('build') && ci.integrationTests,
    notifyVariable: ci.notifyWebhookVariable === undefined ? null : v.variableName('ci.notifyWebhookVariable', ci.notifyWebhookVariable),
    curlImage: CURL_IMAGE,
    matrix: project.runtime.matrix.map((m, i) => v.runtimeVersion(`runtime.matrix[${i}]`, m)),
    onDefaultBranch: `$CI_COMMIT_BRANCH == ${ciExpressionString('ci.defaultBranch', ci.defaultBranch)}`,
    latest: project.release.latest,
    gitTag: project.release.gitTag,
    deploy_: deployView(project, docker),
    slipway: slipwayCiView(project),
  };
}

function slipwayCiView(project: Project): SlipwayCiView | null {
  const { lint, check, version } = project.ci.slipway;
  if (!project.ci.stages.includes('test') || (!lint && !check)) return null;
  const release = v.packageVersion('ci.slipway.version', version);
  return {
    lint,
    check,
    image: SLIPWAY_NODE_IMAGE,
    package: `slipway@${release}`,
    fileArgs: project.descriptorPath === 'slipway.yaml' ? [] : ['--file', v.relativePath('descriptor path', project.descriptorPath)],
    cacheKey: `slipway-${release}`,
  };
}
