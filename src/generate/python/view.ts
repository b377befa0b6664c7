/**
 * The Python generator's view of a Project: every value the templates print, validated and
 * with optional parts resolved to `null`, so templates never meet a missing field.
 */
import { posix } from 'node:path';
import type { Project } from '../../descriptor/model.js';
import { ALPINE_VERSION, DEBIAN_SUITE, CURL_IMAGE, PYPA_BUILD_VERSION } from '../versions.js';
import { deployView, type DeployView } from './deploy-view.js';
import * as v from '../validate.js';
import { UnsafeValueError } from '../unsafe-value.js';
import { shellJoin } from '../quote/shell.js';

export interface EnvVar {
  name: string;
  value: string;
}

/** A COPY of several sources into one directory of the image. */
export interface CopyGroup {
  sources: string[];
  dest: string;
}

export interface PythonView {
  name: string;
  slim: boolean;
  alpine: boolean;
  single: boolean;
  builder: boolean;
  baseApp: boolean;
  pythonVersion: string;
  /** Image suffix after `python:${PYTHON_VERSION}-`. */
  imageSuffix: string;
  env: EnvVar[];
  indexUrl: string | null;
  wheelsDir: string | null;
  runtimePackages: string[];
  buildPackages: string[];
  /** Build package names without version pins (for purge / del). */
  buildPackageNames: string[];
  user: { name: string; uid: number; gid: number };
  workdir: string;
  /** Runtime dependency files (requirements), grouped for COPY. */
  requirementFiles: string[];
  requirementCopies: CopyGroup[];
  /** Runtime + dev dependency files. */
  allRequirementFiles: string[];
  allRequirementCopies: CopyGroup[];
  devRequirementFiles: string[];
  /** Directory to `pip install` (pyproject), or null. */
  packageDir: string | null;
  /** The same directory under /src in the builder stage. */
  packageSource: string | null;
  /** Code copied into the image: one COPY each, `src` → `./src`. */
  codeCopies: { src: string; dest: string }[];
  port: number | null;
  healthcheck: { interval: string; timeout: string; startPeriod: string; retries: number; command: string[] } | null;
  command: string[];
  testCommand: string[];
  lintCommand: string[] | null;
  /** Files whose change invalidates the dependency layer (CI cache keys). */
  dependencyFiles: string[];
  /** Files the base image is built from (base-app): their hash is the base image's tag. */
  baseFiles: string[];
  /** `docker run` options and command that run the tests inside the built image (single, base-app). */
  testRunOptions: string[];
  testRunCommand: string[];
  /** tox `envlist`, e.g. `py311, py312, lint`. */
  toxEnvlist: string;
  ci: CiView;
  dockerignore: { extra: string[] };
}

export interface CiView {
  stages: string[];
  /** Whether any job runs on the sources (`.python` template). */
  pythonJobs: boolean;
  test: boolean;
  build: boolean;
  release: boolean;
  deploy: boolean;
  registryImage: string;
  dockerImage: string;
  dindImage: string;
  /** Image of the jobs that run from the sources (has make): `python:${PYTHON_VERSION}-bookworm`. */
  pythonImage: string;
  cacheFrom: boolean;
  integration: boolean;
  dist: boolean;
  distBuildVersion: string;
  notifyVariable: string | null;
  curlImage: string;
  matrix: string[];
  /** `rules:if` expression matching the default branch. */
  onDefaultBranch: string;
  latest: boolean;
  gitTag: boolean;
  deploy_: DeployView | null;
}


function relList(what: string, paths: readonly string[]): string[] {
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

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** A string literal for a GitLab `rules:if` expression (which has no escapes). */
export function ciExpressionString(what: string, value: string): string {
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  throw new UnsafeValueError(what, value, 'cannot be compared in a rules:if expression (it contains both quote characters)');
}

/** The Python default env of every image, then TZ, then the descriptor's env sorted by name. */
function imageEnv(project: Project): EnvVar[] {
  const env: EnvVar[] = [
    { name: 'PYTHONDONTWRITEBYTECODE', value: '1' },
    { name: 'PYTHONUNBUFFERED', value: '1' },
    { name: 'PIP_DISABLE_PIP_VERSION_CHECK', value: '1' },
    // pip installs into the image's Python as root on purpose: no warning about it.
    { name: 'PIP_ROOT_USER_ACTION', value: 'ignore' },
  ];
  if (project.image.timezone !== undefined) env.push({ name: 'TZ', value: project.image.timezone });
  const taken = new Set(env.map((e) => e.name));
  for (const name of Object.keys(project.image.env).sort()) {
    if (taken.has(name)) throw new UnsafeValueError('image.env', name, 'is set by slipway itself');
    env.push({ name: v.variableName('image.env', name), value: project.image.env[name]! });
  }
  return env;
}

function healthcheckView(project: Project): PythonView['healthcheck'] {
  const hc = project.app.healthcheck;
  if (!hc) return null;
  let command: string[];
  if (hc.command && hc.command.length > 0) command = hc.command;
  else if (project.app.port !== undefined) {
    const path = v.httpPath('app.healthcheck.path', hc.path ?? '/');
    const url = `http://127.0.0.1:${v.port('app.port', project.app.port)}${path}`;
    // slim and alpine images have no curl or wget: probe with Python itself.
    command = ['python', '-c', `import urllib.request; urllib.request.urlopen('${url}')`];
  } else return null;
  return {
    interval: v.duration('app.healthcheck.interval', hc.interval),
    timeout: v.duration('app.healthcheck.timeout', hc.timeout),
    startPeriod: v.duration('app.healthcheck.startPeriod', hc.startPeriod),
    retries: v.positiveInt('app.healthcheck.retries', hc.retries),
    command,
  };
}

/** Where `pip install --user` puts the development dependencies in a throw-away test container. */
const TEST_DEPS_DIR = '/tmp/test-deps';

/**
 * How to run the tests inside the built image: the test command itself, or, when there are
 * development requirements (pytest …), a shell that first installs them as the image's
 * unprivileged user into a user base (PYTHONUSERBASE) that Python adds to its path, reusing
 * what the image already has, then runs the tests.
 */
function testRun(
  command: string[],
  devRequirements: string[],
  wheelsDir: string | null,
  indexUrl: boolean,
): { testRunOptions: string[]; testRunCommand: string[] } {
  if (devRequirements.length === 0) return { testRunOptions: [], testRunCommand: command };
  const source = wheelsDir === null ? [] : ['--no-index', `--find-links=${wheelsDir}`];
  const install = ['python', '-m', 'pip', 'install', '--no-cache-dir', '--user', ...source, ...devRequirements.flatMap((f) => ['-r', f])];
  return {
    testRunOptions: ['--env', `PYTHONUSERBASE=${TEST_DEPS_DIR}`, ...(indexUrl ? ['--env', 'PIP_INDEX_URL'] : [])],
    testRunCommand: ['sh', '-c', `${shellJoin(install)} && ${shellJoin(command)}`],
  };
}


export function pythonView(project: Project): PythonView {
  const name = v.projectName('name', project.name);
  const py = project.python;
  const requirementFiles = py.requirements === undefined ? [] : [v.relativePath('python.requirements', py.requirements)];
  const devRequirementFiles = py.devRequirements === undefined ? [] : [v.relativePath('python.devRequirements', py.devRequirements)];
  const pyproject = py.pyproject === undefined ? null : v.relativePath('python.pyproject', py.pyproject);
  const allRequirementFiles = unique([...requirementFiles, ...devRequirementFiles]);
  const port = project.app.port === undefined ? null : v.port('app.port', project.app.port);
  const runtimePackages = project.image.systemPackages.map((p, i) => v.packageName(`image.systemPackages[${i}]`, p));
  if (project.image.timezone !== undefined && !runtimePackages.some((p) => p.split(/[=~]/)[0] === 'tzdata')) {
    runtimePackages.push('tzdata');
  }
  const buildPackages = project.image.buildPackages.map((p, i) => v.packageName(`image.buildPackages[${i}]`, p));
  const version = v.runtimeVersion('runtime.version', project.runtime.version);
  const ci = project.ci;
  const stages = ci.stages;
  const wheelsDir = py.wheelsDir === undefined ? null : v.relativePath('python.wheelsDir', py.wheelsDir).replace(/\/$/, '');
  const view: PythonView = {
    name,
    slim: project.image.variant === 'slim',
    alpine: project.image.variant === 'alpine',
    single: project.image.layering === 'single',
    builder: project.image.layering === 'builder',
    baseApp: project.image.layering === 'base-app',
    pythonVersion: version,
    imageSuffix: project.image.variant === 'slim' ? `slim-${DEBIAN_SUITE}` : `alpine${ALPINE_VERSION}`,
    env: imageEnv(project),
    indexUrl: py.indexUrl === undefined ? null : v.httpUrl('python.indexUrl', py.indexUrl),
    wheelsDir,
    runtimePackages: unique(runtimePackages).sort(),
    buildPackages: unique(buildPackages).sort(),
    buildPackageNames: unique(buildPackages.map((p) => p.split(/[=~]/)[0]!)).sort(),
    user: {
      name: v.userName('image.user.name', project.image.user.name),
      uid: v.nonRootId('image.user.uid', project.image.user.uid),
      gid: v.nonRootId('image.user.gid', project.image.user.gid),
    },
    workdir: v.absolutePath('image.workdir', project.image.workdir),
    requirementFiles,
    requirementCopies: copyGroups(requirementFiles),
    allRequirementFiles,
    allRequirementCopies: copyGroups(allRequirementFiles),
    devRequirementFiles,
    packageDir: pyproject === null ? null : posix.dirname(pyproject),
    packageSource: pyproject === null ? null : posix.join('/src', posix.dirname(pyproject)),
    codeCopies: relList('image.copy', project.image.copy)
      .map((src) => src.replace(/\/+$/, '') || '.')
      .filter((src) => !requirementFiles.includes(src)) // already copied with the dependencies
      .map((src) => ({ src, dest: src === '.' ? '.' : `./${src}` })),
    port,
    healthcheck: healthcheckView(project),
    command: project.app.command,
    testCommand: project.test.command,
    lintCommand: project.test.lint ?? null,
    dependencyFiles: unique([...allRequirementFiles, ...(pyproject === null ? [] : [pyproject])]),
    baseFiles: ['Dockerfile.base', ...requirementFiles],
    ...testRun(project.test.command, devRequirementFiles, wheelsDir, py.indexUrl !== undefined),
    toxEnvlist: [...project.runtime.matrix.map((m) => `py${m.replace('.', '')}`), ...(project.test.lint ? ['lint'] : [])].join(', '),
    ci: {
      stages,
      test: stages.includes('test'),
      pythonJobs: stages.includes('test') || (stages.includes('build') && ci.dist),
      build: stages.includes('build'),
      release: stages.includes('build') && stages.includes('release') && (project.release.latest || project.release.gitTag),
      deploy: stages.includes('build') && stages.includes('deploy') && project.deploy.method !== 'none',
      registryImage: v.imageRepository('ci.registryImage', ci.registryImage),
      dockerImage: `docker:${v.imageVersion('ci.dockerVersion', ci.dockerVersion)}`,
      dindImage: `docker:${ci.dockerVersion}-dind`,
      pythonImage: `python:\${PYTHON_VERSION}-${DEBIAN_SUITE}`,
      cacheFrom: ci.cacheFrom,
      integration: stages.includes('build') && ci.integrationTests,
      dist: stages.includes('build') && ci.dist,
      distBuildVersion: PYPA_BUILD_VERSION,
      notifyVariable: ci.notifyWebhookVariable === undefined ? null : v.variableName('ci.notifyWebhookVariable', ci.notifyWebhookVariable),
      curlImage: CURL_IMAGE,
      matrix: project.runtime.matrix.map((m, i) => v.runtimeVersion(`runtime.matrix[${i}]`, m)),
      onDefaultBranch: `$CI_COMMIT_BRANCH == ${ciExpressionString('ci.defaultBranch', ci.defaultBranch)}`,
      latest: project.release.latest,
      gitTag: project.release.gitTag,
      deploy_: null,
    },
    dockerignore: { extra: project.image.dockerignore },
  };
  view.ci.deploy_ = deployView(project, { name, port });
  return view;
}
