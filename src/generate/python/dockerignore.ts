/**
 * What goes into `.dockerignore`: the usual Python clutter and local secrets, the tests when no
 * image runs them, and the descriptor's own patterns. A default pattern that would hide a file
 * the Dockerfile copies is left out; a descriptor pattern that would is an error.
 */
import ignore from 'ignore';
import type { Project } from '../../descriptor/model.js';
import { InputError } from '../../cli/errors.js';
import type { PythonView } from './view.js';

export interface IgnoreGroup {
  comment: string;
  patterns: string[];
}

export interface DockerignoreView {
  groups: IgnoreGroup[];
  extra: string[];
}

const DEFAULT_GROUPS: IgnoreGroup[] = [
  { comment: 'Version control, CI and editor files', patterns: ['.git', '.gitignore', '.gitlab-ci.yml', '.idea', '.vscode'] },
  {
    comment: 'Python caches, virtual environments and build output',
    patterns: ['**/__pycache__', '**/*.py[cod]', '.venv', 'venv', '.tox', '.nox', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.coverage', 'htmlcov', 'build', 'dist', '**/*.egg-info'],
  },
  { comment: 'Local secrets never belong in an image', patterns: ['.env', '.env.*', '**/*.pem', '**/*.key'] },
  { comment: 'Build and developer files the image does not use', patterns: ['Dockerfile', 'Dockerfile.*', '.dockerignore', 'compose.y*ml', 'docker-compose*.y*ml', 'Makefile', 'tox.ini', 'slipway.yaml', '.slipway'] },
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

function hides(pattern: string, path: string): boolean {
  const ig = ignore().add(pattern);
  return ig.ignores(path) || ig.ignores(`${path}/`);
}

export function dockerignoreView(view: PythonView, project: Project): DockerignoreView {
  const required = requiredPaths(view);
  const keep = (p: string) => !required.some((r) => hides(p, r));
  const testsNeeded = view.builder || view.ci.integration;
  const groups = [...DEFAULT_GROUPS, ...(testsNeeded ? [] : [TEST_GROUP])]
    .map((g) => ({ comment: g.comment, patterns: g.patterns.filter(keep) }))
    .filter((g) => g.patterns.length > 0);
  for (const pattern of project.image.dockerignore) {
    const hidden = required.find((r) => hides(pattern, r));
    if (hidden !== undefined) {
      throw new InputError(`image.dockerignore pattern ${JSON.stringify(pattern)} hides ${JSON.stringify(hidden)}, which the Dockerfile copies`, project.descriptorPath);
    }
  }
  return { groups, extra: project.image.dockerignore };
}
