/** Rendering a language's templates into generated files: formatting, header and digest. */
import type { Project } from '../descriptor/model.js';
import type { GeneratedFile, GeneratedKind } from './types.js';
import { template } from './templates.js';
import type { OutputFormat } from './format-helpers.js';
import { formatYaml, tidyText } from './layout.js';
import { withHeader } from './header.js';
import { notePackagePins } from './package-pins.js';

export interface FileSpec {
  path: string;
  kind: GeneratedKind;
  /** The template's name, in the language's folder or else in templates/common. */
  template: string;
  format: OutputFormat;
  /** The template's view, when it is not the language's whole view. */
  view?: object;
}

export async function renderFiles(project: Project, specs: readonly FileSpec[], view: object): Promise<GeneratedFile[]> {
  const header = { descriptorPath: project.descriptorPath, ...(project.preset === undefined ? {} : { preset: project.preset }) };
  const files: GeneratedFile[] = [];
  for (const spec of specs) {
    const rendered = template(project.language, spec.template, spec.format)(spec.view ?? view);
    const text = spec.format === 'yaml' ? await formatYaml(rendered) : tidyText(rendered);
    const body = spec.format === 'dockerfile' ? await notePackagePins(text) : text;
    files.push({ path: spec.path, kind: spec.kind, content: withHeader(body, header) });
  }
  return files;
}

/** The Dockerfiles of a layering: base and app images for base-app, one Dockerfile otherwise. */
export function dockerfileSpecs(layering: Project['image']['layering']): FileSpec[] {
  if (layering === 'base-app') {
    return [
      { path: 'Dockerfile.base', kind: 'dockerfile', template: 'Dockerfile.base', format: 'dockerfile' },
      { path: 'Dockerfile', kind: 'dockerfile', template: 'Dockerfile.app', format: 'dockerfile' },
    ];
  }
  return [{ path: 'Dockerfile', kind: 'dockerfile', template: layering === 'builder' ? 'Dockerfile.builder' : 'Dockerfile.single', format: 'dockerfile' }];
}
