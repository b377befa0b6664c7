/** The Python generator: Project → Dockerfile(s), .dockerignore, .gitlab-ci.yml, Makefile, tox.ini. */
import type { PythonProject } from '../../descriptor/model.js';
import type { GeneratedFile } from '../types.js';
import { dockerfileSpecs, renderFiles, type FileSpec } from '../render.js';
import { pythonView, type PythonView } from './view.js';
import { dockerignoreView } from './dockerignore.js';

/** Every file the Python generator can write (for obsolete-file clean-up). */
export const PYTHON_OUTPUTS = ['Dockerfile', 'Dockerfile.base', '.dockerignore', '.gitlab-ci.yml', 'Makefile', 'tox.ini'] as const;

function specs(view: PythonView, project: PythonProject): FileSpec[] {
  const dockerfiles = dockerfileSpecs(project.image.layering);
  return [
    ...dockerfiles,
    { path: '.dockerignore', kind: 'dockerignore', template: 'dockerignore', format: 'ignore', view: dockerignoreView(view, project) },
    { path: '.gitlab-ci.yml', kind: 'gitlab-ci', template: 'gitlab-ci.yml', format: 'yaml' },
    { path: 'Makefile', kind: 'makefile', template: 'Makefile', format: 'makefile' },
    { path: 'tox.ini', kind: 'tox', template: 'tox.ini', format: 'ini' },
  ];
}

export async function generatePython(project: PythonProject): Promise<GeneratedFile[]> {
  const view = pythonView(project);
  return renderFiles(project, specs(view, project), view);
}
