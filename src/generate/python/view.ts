/**
 * The Python generator's view of a Project: every value the templates print, validated and
 * with optional parts resolved to `null`, so templates never meet a missing field.
 */
import { posix } from 'node:path';
import type { PythonProject } from '../../descriptor/model.js';
import { ALPINE_VERSION, DEBIAN_SUITE, PYPA_BUILD_VERSION } from '../versions.js';
import * as v from '../validate.js';
import { shellJoin } from '../quote/shell.js';
import { baseView, copyGroups, runtimePackages, sharedCiView, testRunInImage, unique, type BaseView, type CopyGroup, type EnvVar, type SharedCiView } from '../shared-view.js';

export { copyGroups, ciExpressionString, type CopyGroup, type EnvVar } from '../shared-view.js';

export interface PythonView extends BaseView {
  pythonVersion: string;
  /** Image suffix after `python:${PYTHON_VERSION}-`. */
  imageSuffix: string;
  indexUrl: string | null;
  wheelsDir: string | null;
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
  /** tox `envlist`, e.g. `py311, py312, lint`. */
  toxEnvlist: string;
  ci: CiView;
  dockerignore: { extra: string[] };
}

export interface CiView extends SharedCiView {
  /** Whether any job runs on the sources (`.python` template). */
  pythonJobs: boolean;
  /** Image of the jobs that run from the sources (has make): `python:${PYTHON_VERSION}-bookworm`. */
  pythonImage: string;
  dist: boolean;
  distBuildVersion: string;
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


/** The Python default env of every image. */
const PYTHON_ENV: EnvVar[] = [
  { name: 'PYTHONDONTWRITEBYTECODE', value: '1' },
  { name: 'PYTHONUNBUFFERED', value: '1' },
  { name: 'PIP_DISABLE_PIP_VERSION_CHECK', value: '1' },
  // pip installs into the image's Python as root on purpose: no warning about it.
  { name: 'PIP_ROOT_USER_ACTION', value: 'ignore' },
];

/** slim and alpine images have no curl or wget: the HTTP probe is Python itself. */
const pythonProbe = (url: string) => ['python', '-c', `import urllib.request; urllib.request.urlopen('${url}')`];

export function pythonView(project: PythonProject): PythonView {
  const py = project.python;
  const requirementFiles = py.requirements === undefined ? [] : [v.relativePath('python.requirements', py.requirements)];
  const devRequirementFiles = py.devRequirements === undefined ? [] : [v.relativePath('python.devRequirements', py.devRequirements)];
  const pyproject = py.pyproject === undefined ? null : v.relativePath('python.pyproject', py.pyproject);
  const allRequirementFiles = unique([...requirementFiles, ...devRequirementFiles]);
  // Requirements are already copied with the dependencies.
  const base = baseView(project, { env: PYTHON_ENV, createUser: true, copiedBefore: requirementFiles, probe: pythonProbe });
  const ci = project.ci;
  const stages = ci.stages;
  const wheelsDir = py.wheelsDir === undefined ? null : v.relativePath('python.wheelsDir', py.wheelsDir).replace(/\/$/, '');
  return {
    ...base,
    pythonVersion: v.runtimeVersion('runtime.version', project.runtime.version),
    imageSuffix: project.image.variant === 'slim' ? `slim-${DEBIAN_SUITE}` : `alpine${ALPINE_VERSION}`,
    indexUrl: py.indexUrl === undefined ? null : v.httpUrl('python.indexUrl', py.indexUrl),
    wheelsDir,
    runtimePackages: runtimePackages(project),
    requirementFiles,
    requirementCopies: copyGroups(requirementFiles),
    allRequirementFiles,
    allRequirementCopies: copyGroups(allRequirementFiles),
    devRequirementFiles,
    packageDir: pyproject === null ? null : posix.dirname(pyproject),
    packageSource: pyproject === null ? null : posix.join('/src', posix.dirname(pyproject)),
    // GitLab takes at most two `cache:key:files`: the requirements files first. (The key only decides when the
    // pip download cache starts afresh; pip resolves from the files themselves either way.)
    dependencyFiles: unique([...allRequirementFiles, ...(pyproject === null ? [] : [pyproject])]).slice(0, 2),
    baseFiles: ['Dockerfile.base', ...requirementFiles],
    ...testRunInImage(project, testRun(project.test.command, devRequirementFiles, wheelsDir, py.indexUrl !== undefined)),
    toxEnvlist: [...project.runtime.matrix.map((m) => `py${m.replace('.', '')}`), ...(project.test.lint ? ['lint'] : [])].join(', '),
    ci: {
      ...sharedCiView(project, { name: base.name, port: base.port }),
      pythonJobs: stages.includes('test') || (stages.includes('build') && ci.dist),
      pythonImage: `python:\${PYTHON_VERSION}-${DEBIAN_SUITE}`,
      dist: stages.includes('build') && ci.dist,
      distBuildVersion: PYPA_BUILD_VERSION,
    },
    dockerignore: { extra: project.image.dockerignore },
  };
}
