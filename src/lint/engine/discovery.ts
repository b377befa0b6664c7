import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { kindOfFileName, RECOGNISED_NAMES } from './file-kind.js';
import type { FileKindOfFile } from './project.js';
import { compareText } from './registry.js';

/** A file to lint. */
export interface FileToLint {
  absPath: string;
  /** Report path: relative to the lint root with `/` separators (as given when outside the root). */
  path: string;
  kind: FileKindOfFile;
}

/** A path that could not be linted (missing, unreadable, of an unknown kind): exit status 2. */
export interface PathError {
  file: string;
  message: string;
}

export interface DiscoveryOptions {
  /** Forces the kind of explicitly named files. */
  kind?: FileKindOfFile;
  /** True for report paths the configuration excludes from linting. */
  excluded?: (path: string) => boolean;
}

/** Directories never entered, whatever .gitignore says. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

/** Report path of an absolute path: relative to root with `/`, or as given when outside root. */
export function reportPath(root: string, absPath: string, given?: string): string {
  const rel = relative(root, absPath);
  if (rel === '') return '.';
  if (rel.startsWith('..') || isAbsolute(rel)) return (given ?? absPath).split(sep).join('/');
  return rel.split(sep).join('/');
}

/** True when `absPath` is `root` or inside it. */
export function isInside(root: string, absPath: string): boolean {
  const rel = relative(root, absPath);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The files to lint: with no path, every recognised file under root that git would not
 * ignore; a directory is walked the same way; a file is linted whatever its .gitignore
 * status, by name or by `kind`. The result is sorted by report path and has no duplicates.
 */
export function discoverFiles(root: string, paths: readonly string[], options: DiscoveryOptions = {}): { files: FileToLint[]; errors: PathError[] } {
  const files = new Map<string, FileToLint>();
  const errors: PathError[] = [];
  const excluded = options.excluded ?? (() => false);
  const add = (f: FileToLint) => {
    if (!excluded(f.path) && !files.has(f.absPath)) files.set(f.absPath, f);
  };
  const targets = paths.length === 0 ? ['.'] : paths;
  for (const given of targets) {
    const abs = resolve(root, given);
    let stat;
    try {
      stat = statSync(abs);
    } catch (err) {
      errors.push({ file: given, message: describeFsError(err, 'cannot read') });
      continue;
    }
    if (stat.isDirectory()) {
      const walkRoot = isInside(root, abs) ? root : abs;
      const walker = new GitignoreWalker(walkRoot);
      for (const found of walker.walk(abs)) {
        const kind = kindOfFileName(found, { discovery: true });
        if (kind) add({ absPath: found, path: reportPath(root, found, relativeGiven(given, abs, found)), kind });
      }
    } else {
      const kind = options.kind ?? kindOfFileName(abs);
      if (!kind) {
        errors.push({
          file: given,
          message: `cannot tell what kind of file this is; slipway lints ${RECOGNISED_NAMES} (give --kind to lint it anyway)`,
        });
        continue;
      }
      add({ absPath: abs, path: reportPath(root, abs, given), kind });
    }
  }
  return { files: [...files.values()].sort((a, b) => compareText(a.path, b.path)), errors };
}

function relativeGiven(given: string, dirAbs: string, fileAbs: string): string {
  return join(given, relative(dirAbs, fileAbs));
}

/** A readable message for a failed file-system call, without the machine path. */
export function describeFsError(err: unknown, what: string): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT'
      ? 'no such file or directory'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'is a directory'
          : code ?? (err instanceof Error ? err.message : String(err));
  return `${what}: ${reason}`;
}

/** Walks a tree below a root, honouring the .gitignore files from the root down. */
class GitignoreWalker {
  private readonly ignores = new Map<string, Ignore | null>();
  constructor(private readonly root: string) {}

  *walk(start: string): Generator<string> {
    if (this.isIgnored(start, true)) return;
    yield* this.walkDir(start);
  }

  private *walkDir(dir: string): Generator<string> {
    let names: string[];
    try {
      names = readdirSync(dir).sort(compareText);
    } catch {
      return;
    }
    for (const name of names) {
      const abs = join(dir, name);
      let st;
      try {
        st = lstatSync(abs);
      } catch {
        continue;
      }
      if (st.isSymbolicLink()) continue;
      if (st.isDirectory()) {
        if (SKIPPED_DIRS.has(name) || this.isIgnored(abs, true)) continue;
        yield* this.walkDir(abs);
      } else if (st.isFile() && !this.isIgnored(abs, false)) {
        yield abs;
      }
    }
  }

  /** Whether a path is ignored by the .gitignore of the root or of any directory above it. */
  private isIgnored(abs: string, isDir: boolean): boolean {
    const rel = relative(this.root, abs);
    if (rel === '' || rel.startsWith('..')) return false;
    const parts = rel.split(sep);
    for (let depth = 0; depth < parts.length; depth++) {
      const base = join(this.root, ...parts.slice(0, depth));
      const ig = this.gitignoreOf(base);
      if (!ig) continue;
      const sub = parts.slice(depth).join('/') + (isDir ? '/' : '');
      if (ig.ignores(sub)) return true;
    }
    return false;
  }

  private gitignoreOf(dir: string): Ignore | null {
    let ig = this.ignores.get(dir);
    if (ig !== undefined) return ig;
    ig = null;
    const file = join(dir, '.gitignore');
    if (existsSync(file)) {
      try {
        ig = ignore().add(readFileSync(file, 'utf8'));
      } catch {
        ig = null;
      }
    }
    this.ignores.set(dir, ig);
    return ig;
  }
}
