import { readFileSync, realpathSync, statSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { isInside, reportPath } from './discovery.js';
import type { FileKind, SourceFile } from './types.js';

/** Reads other files of the repository for parsers (`include: local`) and cross-file rules. */
export type RepoReader = (relPath: string, kind: FileKind) => SourceFile | undefined;

/** Text of a file with a leading byte-order mark removed (offsets then match what editors show). */
export function decodeText(buffer: Buffer): string {
  const text = buffer.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A reader of files under `root` on disk: paths are relative to root with `/`; a path that
 * leaves the root (by `..` or through a symbolic link) or cannot be read gives undefined.
 * Each file is read once.
 */
export function diskReader(root: string): RepoReader {
  const cache = new Map<string, SourceFile | undefined>();
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    realRoot = root;
  }
  return (relPath, kind) => {
    const abs = resolve(root, relPath);
    if (!isInside(root, abs)) return undefined;
    const key = `${kind}\0${abs}`;
    if (cache.has(key)) return cache.get(key);
    let file: SourceFile | undefined;
    try {
      if (isInside(realRoot, realpathSync(abs))) {
        file = { path: reportPath(root, abs), absPath: abs, text: decodeText(readFileSync(abs)), kind };
      }
    } catch {
      file = undefined;
    }
    cache.set(key, file);
    return file;
  };
}

/**
 * What a path relative to the root names: a file, a directory, or nothing (missing, unreadable,
 * outside the root). For cross-file rules that check paths a CI job or a Dockerfile names.
 */
export type RepoStat = (relPath: string) => 'file' | 'directory' | undefined;

/** `RepoStat` on disk under `root`, with the same containment rules as `diskReader`. */
export function diskStat(root: string): RepoStat {
  const cache = new Map<string, 'file' | 'directory' | undefined>();
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    realRoot = root;
  }
  return (relPath) => {
    const abs = resolve(root, relPath);
    if (!isInside(root, abs)) return undefined;
    if (cache.has(abs)) return cache.get(abs);
    let type: 'file' | 'directory' | undefined;
    try {
      if (isInside(realRoot, realpathSync(abs))) {
        const st = statSync(abs);
        type = st.isDirectory() ? 'directory' : st.isFile() ? 'file' : undefined;
      }
    } catch {
      type = undefined;
    }
    cache.set(abs, type);
    return type;
  };
}

/** `RepoStat` over in-memory files: a directory is any prefix of a file's path. */
export function memoryStat(files: Readonly<Record<string, string>>): RepoStat {
  const paths = Object.keys(files).map(normalize);
  return (relPath) => {
    const path = normalize(relPath);
    if (path === '.' || path === '') return 'directory';
    if (path === '..' || path.startsWith('../') || path.startsWith('/')) return undefined;
    if (paths.includes(path)) return 'file';
    return paths.some((p) => p.startsWith(`${path.replace(/\/$/, '')}/`)) ? 'directory' : undefined;
  };
}

/** A reader over in-memory files (path → text), for `lintText` and rule examples. */
export function memoryReader(files: Readonly<Record<string, string>>): RepoReader {
  const normalized = new Map(Object.entries(files).map(([p, t]) => [normalize(p), t] as const));
  return (relPath, kind) => {
    const path = normalize(relPath);
    const text = normalized.get(path);
    return text === undefined ? undefined : { path, text, kind };
  };
}

function normalize(p: string): string {
  return posix.normalize(p.replace(/\\/g, '/')).replace(/^\.\//, '');
}
