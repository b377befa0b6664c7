/** `.dockerignore` of a Go project: compiled programs, the CI module cache, local secrets. */
import type { GoProject } from '../../descriptor/model.js';
import { buildFilesGroup, ignoreView, SECRETS_GROUP, VCS_GROUP, type DockerignoreView } from '../dockerignore.js';
import type { GoView } from './view.js';

export function goDockerignoreView(view: GoView, project: GoProject): DockerignoreView {
  const groups = [
    VCS_GROUP,
    { comment: 'Compiled programs, test binaries, coverage and the CI module cache', patterns: ['bin', '**/*.test', '**/*.out', '.go'] },
    SECRETS_GROUP,
    buildFilesGroup([]),
  ];
  const required = ['go.mod', ...view.codeCopies.map((c) => c.src).filter((s) => s !== '.'), ...(view.mainPackage === '.' ? [] : [view.mainPackage.slice(2)])];
  return ignoreView(groups, required, project);
}
