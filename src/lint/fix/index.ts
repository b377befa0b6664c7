/**
 * `slipway lint --fix`: lint files on disk, apply the fixes of fixable rules in memory until
 * none applies (at most 10 passes, as ESLint does), and lint the result. Fixes are text edits
 * on each file, so comments, continuations, indentation and quoting stay as they were.
 * Nothing is written here: `writeFixes` writes the changed files atomically, `fixDiff` shows
 * them as unified diffs (`--fix-dry-run`).
 */
import { closeSync, openSync, readSync, realpathSync } from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import { isReadOnlyFile, writeFileAtomic } from '../../util/atomic-write.js';
import { applyFixes, fixesOfFindings } from '../engine/apply-fixes.js';
import { runEngine } from '../engine/run.js';
import { diskReader, diskStat, type RepoReader } from '../engine/source-reader.js';
import { groupByFile } from '../../report/context.js';
import { lintResultOf, readLintInput, type LintOptions, type LintResult } from '../index.js';

/** Fix passes at most, as ESLint. */
export const MAX_FIX_PASSES = 10;

export interface FixedFile {
  /** Report path (relative to the lint root; `-` or the --stdin-filename for stdin). */
  path: string;
  /** Absolute path on disk; undefined for stdin. */
  absPath?: string;
  before: string;
  after: string;
}

export interface FixRun {
  /** The lint of the fixed texts: what remains. */
  result: LintResult;
  /** Files whose text the fixes changed, in report order. */
  fixed: FixedFile[];
  /** Every file linted, fixed or not (stdin's text is needed to print it). */
  texts: FixedFile[];
  /** Lint passes that applied fixes. */
  passes: number;
}

/**
 * Lints `paths` as `lint` does and applies every fixable finding's fixes to the texts in
 * memory (the files a parser reads through includes see the fixed texts too). Throws
 * `LintConfigError` for bad configuration.
 */
export async function lintAndFix(paths: readonly string[], options: LintOptions = {}): Promise<FixRun> {
  const input = await readLintInput(paths, options);
  const { root, registry, config, sources } = input;
  const originals = sources.map((s) => s.text);
  const texts = new Map<string, string>();
  const disk = diskReader(root);
  // Other files a parser or cross-file rule reads see the fixed texts of the linted files.
  const readFile: RepoReader = (relPath, kind) => {
    const file = disk(relPath, kind);
    const text = file?.absPath ? texts.get(file.absPath) : undefined;
    return file && text !== undefined ? { ...file, text } : file;
  };
  const engine = () => runEngine({ registry, root, files: sources, config, readFile, stat: diskStat(root) });

  let out = await engine();
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    let changed = false;
    const byFile = groupByFile(out.findings);
    for (const source of sources) {
      const next = applyFixes(source.text, fixesOfFindings(byFile.get(source.path) ?? []));
      if (next === source.text) continue;
      source.text = next;
      if (source.absPath) texts.set(source.absPath, next);
      changed = true;
    }
    if (!changed) break;
    passes++;
    out = await engine();
  }

  const all = sources.map((s, i) => ({ path: s.path, absPath: s.absPath, before: originals[i]!, after: s.text }));
  return {
    result: lintResultOf(input, out),
    fixed: all.filter((f) => f.after !== f.before),
    texts: all,
    passes,
  };
}

/**
 * Writes each changed file on disk atomically (stdin is never written); returns the paths
 * written. A symbolic link stays a link: its target is written. Throws, writing nothing, when a
 * file to change is read-only (its mode has no write bit).
 */
export function writeFixes(fixed: readonly FixedFile[]): string[] {
  const changed = fixed.filter((f) => f.absPath && f.after !== f.before);
  // A read-only file is refused before anything is written (its mode says nobody should change it).
  const readOnly = changed.filter((f) => isReadOnlyFile(f.absPath!));
  if (readOnly.length > 0) {
    const names = readOnly.map((f) => f.path).join(', ');
    throw new Error(`${names} ${readOnly.length === 1 ? 'is' : 'are'} read-only (no write permission); nothing was written; make ${readOnly.length === 1 ? 'it' : 'them'} writable (chmod u+w ${names}) to apply the fixes`);
  }
  const written: string[] = [];
  for (const f of changed) {
    const target = realpathSync(f.absPath!);
    // The texts are read without a byte-order mark; a file that had one keeps it.
    writeFileAtomic(target, (hasBom(target) ? '\ufeff' : '') + f.after);
    written.push(f.path);
  }
  return written;
}

function hasBom(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(3);
    return readSync(fd, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  } finally {
    closeSync(fd);
  }
}

/** A unified diff of one fixed file (`a/` and `b/` prefixes, as git prints them), empty when unchanged. */
export function fixDiff(f: FixedFile): string {
  if (f.after === f.before) return '';
  const patch = createTwoFilesPatch(`a/${f.path}`, `b/${f.path}`, f.before, f.after, undefined, undefined, { context: 3 });
  // Drop the `Index:`/`====` header the diff library adds; keep ---/+++ and the hunks.
  return patch.replace(/^(?:Index:[^\n]*\n)?=+\n/, '');
}
