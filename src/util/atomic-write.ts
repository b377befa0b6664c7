import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface AtomicWriteOptions {
  /** File mode for a new file (an existing file keeps its mode). */
  mode?: number;
  /** Test hook: called after the temporary file is complete and before the rename. */
  beforeRename?: (tempPath: string) => void;
}

/**
 * Writes `content` to `path` so that a reader (or a crash) sees either the old file or the
 * complete new one, never a partial file: write a temporary file in the same directory,
 * fsync it, then rename it over the target.
 */
export function writeFileAtomic(path: string, content: string, options: AtomicWriteOptions = {}): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  let mode = options.mode ?? 0o644;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    // new file
  }
  const temp = join(dir, `.${basename(path)}.slipway-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const fd = openSync(temp, 'wx', mode);
  try {
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    options.beforeRename?.(temp);
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

/**
 * Whether `path` is an existing regular file whose mode has no write bit (`chmod a-w`, 0444).
 * An atomic write renames over the file, which the directory's permissions allow even for a file
 * nobody may write (and root may write anything), so the writers check the mode bits themselves:
 * someone who made a file read-only does not want it replaced behind their back.
 */
export function isReadOnlyFile(path: string): boolean {
  try {
    const st = statSync(path);
    return st.isFile() && (st.mode & 0o222) === 0;
  } catch {
    return false;
  }
}
