/**
 * What goes into `.dockerignore`: the usual Python clutter and local secrets, the tests when no
 * image runs them, and the descriptor's own patterns. A default pattern that would hide a file
 * the Dockerfile copies is left out; a descriptor pattern that would is an error.
 */
import type { PythonProject } from '../../descriptor/model.js';
import { buildFilesGroup, ignoreView, SECRETS_GROUP, VCS_GROUP, type DockerignoreView, type IgnoreGroup } from '../dockerignore.js';
import type { PythonView } from './view.js';

export type { DockerignoreView, IgnoreGroup } from '../dockerignore.js';

const DEFAULT_GROUPS: IgnoreGroup[] = [
  VCS_GROUP,
  {
    comment: 'Python caches, virtual environments and build output',
    patterns: ['**/__pycache__', '**/*.py[cod]', '.venv', 'venv', '.tox', '.nox', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.coverage', 'htmlcov', 'build', 'dist', '**/*.egg-info'],
  },
  SECRETS_GROUP,
  buildFilesGroup(['tox.ini']),
];

const TEST_GROUP: IgnoreGroup = {
  comment: 'Tests: no image runs them (no test stage, no integration tests)',
  patterns: ['tests', 'test', '**/test_*.py', '**/*_test.py', '**/conftest.py'],
};

/** Files and directories the Dockerfiles read from the build context. */
function requiredPaths(view: PythonView): string[] {
  const paths = [...view.allRequirementFiles, ...view.codeCopies.map((c) => c.src).filter((s) => s !== '.')];
  if (view.wheelsDir !== null) paths.push(view.wheelsDir);
  if (view.packageDir !== null && view.packageDir !== '.') paths.push(view.packageDir);
  return paths;
}

export function dockerignoreView(view: PythonView, project: PythonProject): DockerignoreView {
  const testsNeeded = view.builder || view.ci.integration;
  return ignoreView([...DEFAULT_GROUPS, ...(testsNeeded ? [] : [TEST_GROUP])], requiredPaths(view), project);
}
