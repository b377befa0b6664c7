/** Dockerfiles for cross-file checks: the linted ones, or one a CI job names, read and parsed on demand. */
import type { ProjectDoc } from '../../engine/project.js';
import type { SourceFile } from '../../engine/types.js';
import { parseDockerfile, type DockerfileDoc } from '../../dockerfile/index.js';

export interface DockerfileAt {
  file: SourceFile;
  doc: DockerfileDoc;
}

/** The Dockerfiles of the run that parsed. */
export function lintedDockerfiles(project: ProjectDoc): DockerfileAt[] {
  return project
    .ofKind('dockerfile')
    .filter((f) => f.doc !== undefined)
    .map((f) => ({ file: f.file, doc: f.doc as DockerfileDoc }));
}

const parsed = new WeakMap<ProjectDoc, Map<string, DockerfileAt | undefined>>();

/** The Dockerfile at a path relative to the root: linted, or read and parsed; undefined when missing or unparsable. */
export function dockerfileAt(project: ProjectDoc, path: string): DockerfileAt | undefined {
  const linted = project.files.get(path);
  if (linted?.kind === 'dockerfile') return linted.doc ? { file: linted.file, doc: linted.doc as DockerfileDoc } : undefined;
  let cache = parsed.get(project);
  if (!cache) {
    cache = new Map();
    parsed.set(project, cache);
  }
  if (!cache.has(path)) {
    const source = project.readFile(path);
    let result: DockerfileAt | undefined;
    if (source) {
      const file: SourceFile = { ...source, kind: 'dockerfile' };
      try {
        const doc = parseDockerfile(file).doc;
        if (doc) result = { file: source, doc };
      } catch {
        result = undefined;
      }
    }
    cache.set(path, result);
  }
  return cache.get(path);
}

/** True for a Dockerfile at the repository root (`Dockerfile`, `Dockerfile.base`, `Containerfile`): the project's own image. */
export function isRootDockerfile(path: string): boolean {
  return !path.includes('/');
}
