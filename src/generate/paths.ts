/**
 * Output paths: a generated file's path must name a file inside the output directory — relative,
 * no `..`, and no symbolic link on the way that leads outside.
 */
import { lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../cli/errors.js';

/** Checks a generated file's relative path and returns its absolute path under `root`. */
export function outputPath(root: string, relPath: string): string {
  const bad = (why: string) => new InputError(`refusing to write ${JSON.stringify(relPath)}: ${why}`);
  if (relPath === '' || relPath.includes('\0')) throw bad('not a file name');
  if (isAbsolute(relPath) || /^[A-Za-z]:/.test(relPath) || relPath.startsWith('\\')) throw bad('an absolute path');
  const segments = relPath.split(/[\\/]/);
  if (segments.some((s) => s === '..')) throw bad('it leaves the output directory');
  if (segments.some((s) => s === '' || s === '.')) throw bad('not a normalised relative path');
  return join(resolve(root), ...segments);
}

function within(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

export type PathProblem = 'symlink' | 'escapes' | 'not-a-file';

/**
 * What stops slipway from writing `absPath` (under `root`): the file is a symbolic link or not a
 * regular file, or a directory on the way resolves outside `root`. Undefined when it is safe.
 */
export function pathProblem(root: string, absPath: string): PathProblem | undefined {
  const stat = lstatOrUndefined(absPath);
  if (stat?.isSymbolicLink()) {
    let target: string | undefined;
    try {
      target = realpathSync(absPath);
    } catch {
      target = undefined; // dangling
    }
    const realRoot = lstatOrUndefined(root) ? realpathSync(root) : resolve(root);
    return target !== undefined && !within(realRoot, target) ? 'escapes' : 'symlink';
  }
  if (stat && !stat.isFile()) return 'not-a-file';
  // The deepest existing directory on the way must resolve inside the root.
  let dir = dirname(absPath);
  while (!lstatOrUndefined(dir) && dir !== dirname(dir)) dir = dirname(dir);
  if (!lstatOrUndefined(root)) return undefined; // nothing exists yet: created fresh
  const realRoot = realpathSync(root);
  if (within(resolve(root), dir) && !within(realRoot, realpathSync(dir))) return 'escapes';
  return undefined;
}
