/**
 * `include:` as GitLab processes it: included files are read first (recursively, each one's own
 * includes before its content) and deep-merged in order; the including file is merged last, so it
 * overrides what it includes.
 *
 * Only `include: local` is read (through ParseEnv.readFile, relative to the repository root, as
 * GitLab does even for nested includes). `project`, `remote`, `template`, `component`, local
 * globs and paths with variables are recorded as not checked. Limits: at most MAX_INCLUDED_FILES
 * files and MAX_INCLUDE_DEPTH levels; a file included twice is read once.
 */
import type { ParseEnv, ParseProblem } from '../../engine/kind.js';
import type { SourceFile } from '../../engine/types.js';
import { loadYaml } from '../yaml/load.js';
import type { DuplicateKey, LoadProblem } from '../yaml/load.js';
import type { YMap, YNode, YScalar } from '../yaml/nodes.js';
import { getIn, isMap, isSeq, stringValue } from '../yaml/nodes.js';
import { deepMerge, withoutKeys } from './merge.js';
import type { CiInclude, CiSource, IncludeKind } from './types.js';
import { pushAll } from '../../../util/push-all.js';

export const MAX_INCLUDED_FILES = 150;
export const MAX_INCLUDE_DEPTH = 100;

const KINDS: readonly IncludeKind[] = ['local', 'project', 'remote', 'template', 'component'];

export interface IncludeResult {
  /** The merged configuration. */
  config: YMap | undefined;
  sources: CiSource[];
  includes: CiInclude[];
  duplicates: DuplicateKey[];
  yamlProblems: LoadProblem[];
  /** Syntax errors in included files. */
  parseProblems: ParseProblem[];
}

/** Merge `main` (already loaded) with what it includes. */
export function resolveIncludes(main: CiSource, env: ParseEnv | undefined): IncludeResult {
  const result: IncludeResult = { config: undefined, sources: [main], includes: [], duplicates: [], yamlProblems: [], parseProblems: [] };
  const read = new Set<string>([normalize(main.file.path)]);
  result.config = expand(main, env, result, read, 0);
  return result;
}

function expand(source: CiSource, env: ParseEnv | undefined, result: IncludeResult, read: Set<string>, depth: number): YMap | undefined {
  const root = source.root;
  if (!root) return undefined;
  const parts: YMap[] = [];
  for (const item of includeItems(getIn(root, 'include'))) {
    const include = classify(item, source.file);
    if (!include) continue;
    result.includes.push(include);
    if (include.kind !== 'local' || !include.target) {
      include.status = 'not-checked';
      continue;
    }
    const path = stringValue(include.target) ?? '';
    if (/[*$?]/.test(path) || !env) {
      include.status = 'not-checked';
      continue;
    }
    const rel = normalize(path);
    if (read.has(rel)) {
      include.status = 'resolved';
      continue;
    }
    if (read.size >= MAX_INCLUDED_FILES || depth >= MAX_INCLUDE_DEPTH) {
      include.status = 'not-checked';
      continue;
    }
    const file = env.readFile(rel);
    if (!file) {
      include.status = 'missing';
      continue;
    }
    read.add(rel);
    include.status = 'resolved';
    include.file = file;
    const loaded = loadYaml(file);
    if (loaded.syntaxError) {
      result.parseProblems.push({ message: loaded.syntaxError.message, span: loaded.syntaxError.span, file });
      continue;
    }
    pushAll(result.duplicates, loaded.duplicates);
    pushAll(result.yamlProblems, loaded.problems);
    const child: CiSource = { file };
    if (isMap(loaded.root)) child.root = loaded.root;
    else if (loaded.root) child.badRoot = loaded.root;
    if (loaded.header) child.header = loaded.header;
    result.sources.push(child);
    const merged = expand(child, env, result, read, depth + 1);
    if (merged) parts.push(merged);
  }
  let config = withoutKeys(root, ['include']);
  if (parts.length > 0) {
    let base = parts[0]!;
    for (const part of parts.slice(1)) base = deepMerge(base, part);
    config = deepMerge(base, config);
  }
  return config;
}

function includeItems(node: YNode | undefined): YNode[] {
  if (!node) return [];
  if (isSeq(node)) return node.items;
  return [node];
}

/** What an include item names; undefined when it is not an include at all (the structure rules report it). */
function classify(item: YNode, from: SourceFile): CiInclude | undefined {
  if (item.kind === 'scalar') {
    if (typeof item.value !== 'string') return undefined;
    const kind: IncludeKind = /^https?:\/\//.test(item.value) ? 'remote' : 'local';
    return { node: item, kind, target: item, status: 'not-checked', from };
  }
  if (!isMap(item)) return undefined;
  for (const kind of KINDS) {
    const target = getIn(item, kind);
    if (target !== undefined) {
      const include: CiInclude = { node: item, kind, status: 'not-checked', from };
      if (target.kind === 'scalar') include.target = target as YScalar;
      return include;
    }
  }
  return undefined;
}

/** `/ci/a.yml`, `./ci/a.yml` and `ci/a.yml` name the same file. */
function normalize(path: string): string {
  let p = path.replace(/\\/g, '/').replace(/^\.?\/+/, '');
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

