/** The Node.js generator: Project → Dockerfile(s), .dockerignore, .gitlab-ci.yml, Makefile. */
import type { NodeProject } from '../../descriptor/model.js';
import type { GeneratedFile } from '../types.js';
import { dockerfileSpecs, renderFiles, type FileSpec } from '../render.js';
import { nodeView } from './view.js';
import { nodeDockerignoreView } from './dockerignore.js';

/** Every file the Node.js generator can write (for obsolete-file clean-up). */
export const NODE_OUTPUTS = ['Dockerfile', 'Dockerfile.base', '.dockerignore', '.gitlab-ci.yml', 'Makefile'] as const;

export async function generateNode(project: NodeProject): Promise<GeneratedFile[]> {
  const view = nodeView(project);
  const dockerfiles = dockerfileSpecs(project.image.layering);
  return renderFiles(
    project,
    [
      ...dockerfiles,
      { path: '.dockerignore', kind: 'dockerignore', template: 'dockerignore', format: 'ignore', view: nodeDockerignoreView(view, project) },
      { path: '.gitlab-ci.yml', kind: 'gitlab-ci', template: 'gitlab-ci.yml', format: 'yaml' },
      { path: 'Makefile', kind: 'makefile', template: 'Makefile', format: 'makefile' },
    ],
    view,
  );
}
