/** slipway.yaml for cross-file checks: the resolved Project and where its values are written. */
import type { Project } from '../../../descriptor/model.js';
import { locate, type Path } from '../../../descriptor/yaml-source.js';
import { factsOf } from '../../descriptor/facts.js';
import type { ProjectDoc } from '../../engine/project.js';
import type { SourceFile } from '../../engine/types.js';
import { where, type Site } from './where.js';

export interface DescriptorAt {
  file: SourceFile;
  project: Project;
}

/** The resolved descriptor at the root, when there is one and it is valid. */
export function descriptorOf(project: ProjectDoc): DescriptorAt | undefined {
  const d = project.descriptor;
  if (!d?.doc) return undefined;
  return { file: d.file, project: d.doc as Project };
}

/** Where the value at `path` is written in slipway.yaml; undefined when it comes from a preset or a default. */
export function descriptorSite(d: DescriptorAt, path: Path): Site | undefined {
  const source = factsOf(d.project)?.source;
  if (!source) return undefined;
  const node = locate(source, path)?.value;
  const range = node?.range;
  if (!range) return undefined;
  return { file: d.file, span: { start: range[0], end: range[1] } };
}

/** `slipway.yaml:7` when the value is written there, else `slipway.yaml (preset python-flask)` or `slipway.yaml (default)`. */
export function descriptorPlace(d: DescriptorAt, path: Path): string {
  const site = descriptorSite(d, path);
  if (site) return where(site.file, site.span.start);
  return d.project.preset !== undefined ? `${d.file.path} (via preset ${d.project.preset})` : `${d.file.path} (slipway's default)`;
}
