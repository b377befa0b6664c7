/** The Python generator: Project → Dockerfile(s), .dockerignore, .gitlab-ci.yml, Makefile, tox.ini. */
import type { Project } from '../../descriptor/model.js';
import type { GeneratedFile, GeneratedKind } from '../types.js';
import { template } from '../templates.js';
import type { OutputFormat } from '../format-helpers.js';
import { formatYaml, tidyText } from '../layout.js';
import { withHeader } from '../header.js';
import { pythonView, type PythonView } from './view.js';
import { dockerignoreView } from './dockerignore.js';

/** Every file the Python generator can write (for obsolete-file clean-up). */
export const PYTHON_OUTPUTS = ['Dockerfile', 'Dockerfile.base', '.dockerignore', '.gitlab-ci.yml', 'Makefile', 'tox.ini'] as const;

interface FileSpec {
  path: string;
  kind: GeneratedKind;
  template: string;
  format: OutputFormat;
  view?: object;
}

function specs(view: PythonView, project: Project): FileSpec[] {
  const dockerfiles: FileSpec[] = view.baseApp
    ? [
        { path: 'Dockerfile.base', kind: 'dockerfile', template: 'Dockerfile.base', format: 'dockerfile' },
        { path: 'Dockerfile', kind: 'dockerfile', template: 'Dockerfile.app', format: 'dockerfile' },
      ]
    : [{ path: 'Dockerfile', kind: 'dockerfile', template: view.builder ? 'Dockerfile.builder' : 'Dockerfile.single', format: 'dockerfile' }];
  return [
    ...dockerfiles,
    { path: '.dockerignore', kind: 'dockerignore', template: 'dockerignore', format: 'ignore', view: dockerignoreView(view, project) },
    { path: '.gitlab-ci.yml', kind: 'gitlab-ci', template: 'gitlab-ci.yml', format: 'yaml' },
    { path: 'Makefile', kind: 'makefile', template: 'Makefile', format: 'makefile' },
    { path: 'tox.ini', kind: 'tox', template: 'tox.ini', format: 'ini' },
  ];
}

export async function generatePython(project: Project): Promise<GeneratedFile[]> {
  const view = pythonView(project);
  const header = { descriptorPath: project.descriptorPath, ...(project.preset === undefined ? {} : { preset: project.preset }) };
  const files: GeneratedFile[] = [];
  for (const spec of specs(view, project)) {
    const rendered = template('python', spec.template, spec.format)(spec.view ?? view);
    const body = spec.format === 'yaml' ? await formatYaml(rendered) : tidyText(rendered);
    files.push({ path: spec.path, kind: spec.kind, content: withHeader(body, header) });
  }
  return files;
}
