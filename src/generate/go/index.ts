/** The Go generator: Project → Dockerfile (build, test and runtime stages), .dockerignore, .gitlab-ci.yml, Makefile. */
import type { GoProject } from '../../descriptor/model.js';
import type { GeneratedFile } from '../types.js';
import { renderFiles } from '../render.js';
import { goView } from './view.js';
import { goDockerignoreView } from './dockerignore.js';

/** Every file the Go generator can write (for obsolete-file clean-up). */
export const GO_OUTPUTS = ['Dockerfile', '.dockerignore', '.gitlab-ci.yml', 'Makefile'] as const;

export async function generateGo(project: GoProject): Promise<GeneratedFile[]> {
  const view = goView(project);
  return renderFiles(
    project,
    [
      { path: 'Dockerfile', kind: 'dockerfile', template: 'Dockerfile', format: 'dockerfile' },
      { path: '.dockerignore', kind: 'dockerignore', template: 'dockerignore', format: 'ignore', view: goDockerignoreView(view, project) },
      { path: '.gitlab-ci.yml', kind: 'gitlab-ci', template: 'gitlab-ci.yml', format: 'yaml' },
      { path: 'Makefile', kind: 'makefile', template: 'Makefile', format: 'makefile' },
    ],
    view,
  );
}
