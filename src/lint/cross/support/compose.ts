/** Compose files of the repository: the usual names at the root and the one slipway.yaml deploys with. */
import { posix } from 'node:path';
import { isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';
import type { ProjectDoc } from '../../engine/project.js';
import type { SourceFile } from '../../engine/types.js';
import { descriptorOf } from './descriptor.js';

export const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

export interface ComposeService {
  file: SourceFile;
  name: string;
  node: YAMLMap;
  /** The Dockerfile the service builds (`build: ctx` or `build: {context, dockerfile}`), relative to the root. */
  dockerfile: string | undefined;
  /** The service runs the project's image: it builds one, or takes its image from a variable. */
  ownImage: boolean;
}

const cache = new WeakMap<ProjectDoc, ComposeService[]>();

/** The services of every compose file there is. */
export function composeServices(project: ProjectDoc): ComposeService[] {
  let services = cache.get(project);
  if (services) return services;
  services = [];
  const d = descriptorOf(project);
  const deployFile = (d?.project.deploy as { compose?: { file: string } } | undefined)?.compose?.file;
  for (const path of new Set([...COMPOSE_FILES, ...(deployFile ? [deployFile] : [])])) {
    const file = project.readFile(path);
    if (!file) continue;
    let doc;
    try {
      doc = parseDocument(file.text);
    } catch {
      continue;
    }
    if (doc.errors.length > 0) continue;
    const root = doc.get('services', true);
    if (!isMap(root)) continue;
    const dir = posix.dirname(path);
    for (const pair of root.items) {
      if (!isMap(pair.value)) continue;
      const node = pair.value;
      const image = node.get('image');
      const build = node.get('build', true);
      let dockerfile: string | undefined;
      if (isScalar(build) && typeof build.value === 'string') dockerfile = join(dir, build.value, 'Dockerfile');
      else if (isMap(build)) {
        const context = build.get('context');
        const name = build.get('dockerfile');
        const ctx = typeof context === 'string' ? context : '.';
        dockerfile = join(dir, ctx, typeof name === 'string' ? name : 'Dockerfile');
      }
      services.push({
        file,
        name: isScalar(pair.key) ? String(pair.key.value) : '?',
        node,
        dockerfile,
        ownImage: build !== undefined || (typeof image === 'string' && image.includes('$')),
      });
    }
  }
  cache.set(project, services);
  return services;
}

function join(...parts: string[]): string | undefined {
  if (parts.some((p) => p.includes('$') || p.startsWith('/') || /^[a-z]+:\/\//i.test(p))) return undefined;
  const path = posix.normalize(posix.join(...parts));
  return path.startsWith('../') ? undefined : path;
}
