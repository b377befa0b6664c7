/** Dockerfiles for cross-file checks: the linted ones, or one a CI job names, read and parsed on demand. */
import type { ProjectDoc } from '../../engine/project.js';
import type { SourceFile } from '../../engine/types.js';
import { parseDockerfile, type DockerfileDoc } from '../../dockerfile/index.js';
import { ciBuilds } from './builds.js';
import { composeServices } from './compose.js';

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

/** True for a Dockerfile at the lint root (`Dockerfile`, `Dockerfile.base`, `Containerfile`). */
export function isRootDockerfile(path: string): boolean {
  return !path.includes('/');
}

const projectPaths = new WeakMap<ProjectDoc, Set<string>>();

/**
 * The Dockerfiles of the project's own image: those at the root, those the CI builds, and those
 * a compose service builds. Others (a docs builder in docs/, a test fixture) are other images.
 */
export function projectDockerfiles(project: ProjectDoc): Set<string> {
  let paths = projectPaths.get(project);
  if (!paths) {
    paths = new Set(lintedDockerfiles(project).map((d) => d.file.path).filter(isRootDockerfile));
    for (const b of ciBuilds(project)) if (b.dockerfile) paths.add(b.dockerfile);
    for (const s of composeServices(project)) if (s.dockerfile && project.pathType(s.dockerfile) === 'file') paths.add(s.dockerfile);
    projectPaths.set(project, paths);
  }
  return paths;
}
