/**
 * `.dockerignore` of a Node.js project: installed dependencies (the image installs its own from
 * the lockfile), caches and logs, the build output when the image builds it, local secrets.
 */
import type { NodeProject } from '../../descriptor/model.js';
import { buildFilesGroup, ignoreView, SECRETS_GROUP, VCS_GROUP, type DockerignoreView } from '../dockerignore.js';
import type { NodeView } from './view.js';

export function nodeDockerignoreView(view: NodeView, project: NodeProject): DockerignoreView {
  const built = view.buildCommand === null ? [] : view.cleanPaths;
  const groups = [
    VCS_GROUP,
    {
      comment: 'Installed dependencies, caches, logs and test output',
      patterns: ['**/node_modules', '.npm', '.pnpm-store', '.yarn-cache', '.yarn/cache', '.yarn/install-state.gz', 'npm-debug.log*', 'yarn-debug.log*', 'yarn-error.log*', '.eslintcache', 'coverage', '.nyc_output'],
    },
    ...(built.length ? [{ comment: 'Build output: the image builds it', patterns: [...built] }] : []),
    SECRETS_GROUP,
    buildFilesGroup([]),
  ];
  const required = [...view.installFiles, ...view.codeCopies.map((c) => c.src).filter((s) => s !== '.')];
  return ignoreView(groups, required, project);
}
