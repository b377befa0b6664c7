/**
 * `slipway lint --fix`: lint files on disk, apply the fixes of fixable rules in memory until
 * none applies (at most 10 passes, as ESLint does), and lint the result. Fixes are text edits
 * on each file, so comments, continuations, indentation and quoting stay as they were.
 * Nothing is written here: `writeFixes` writes the changed files atomically, `fixDiff` shows
 * them as unified diffs (`--fix-dry-run`).
 */
import { readFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { applyFixes, fixesOfFindings } from '../engine/apply-fixes.js';
import { layerFromConfig, resolveConfig, type ConfigLayer } from '../engine/config.js';
import { readConfigLayers } from '../engine/config-files.js';
import { describeFsError, discoverFiles, reportPath, type PathError } from '../engine/discovery.js';
import { exitStatus } from '../engine/exit-status.js';
import { kindOfFileName } from '../engine/file-kind.js';
import { runEngine } from '../engine/run.js';
import { decodeText, diskReader, diskStat, type RepoReader } from '../engine/source-reader.js';
import type { Finding, SourceFile } from '../engine/types.js';
import { loadRegistry } from '../kinds.js';
import type { LintOptions, LintResult } from '../index.js';

/** Fix passes at most, as ESLint. */
export const MAX_FIX_PASSES = 10;

export interface FixedFile {
  /** Report path (relative to the lint root; `-` or the --stdin-filename for stdin). */
  path: string;
  /** Absolute path on disk; undefined for stdin. */
  absPath?: string;
  before: string;
  after: string;
  /** The file started with a byte-order mark (kept when written). */
  bom: boolean;
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
  const root = resolve(options.cwd ?? process.cwd());
  const registry = options.registry ?? (await loadRegistry());
  const layers: ConfigLayer[] = options.noConfig ? [] : await readConfigLayers(root, options.configFile);
  if (options.overrides) layers.push(layerFromConfig(options.overrides, 'command line'));
  const config = resolveConfig(registry, layers);

  const onDisk = paths.filter((p) => p !== '-');
  const { files: found, errors } =
    paths.length > 0 && onDisk.length === 0 ? { files: [], errors: [] as PathError[] } : discoverFiles(root, onDisk, { kind: options.kind, excluded: config.excludesFile });
  const sources: SourceFile[] = [];
  const boms = new Set<SourceFile>();
  if (paths.includes('-')) {
    const stdin = options.stdin ?? { text: '', filename: '-' };
    const kind = options.kind ?? kindOfFileName(stdin.filename);
    if (!kind) errors.push({ file: '-', message: `cannot tell what kind of file stdin is; give --kind or a --stdin-filename such as Dockerfile` });
    else sources.push({ path: reportPath(root, resolve(root, stdin.filename), stdin.filename), text: stdin.text, kind });
  }
  for (const f of found) {
    if (!registry.supports.has(f.kind)) {
      if (onDisk.length > 0 && options.kind === undefined && paths.some((p) => resolve(root, p) === f.absPath)) {
        errors.push({ file: f.path, message: `slipway cannot lint ${f.kind} files yet` });
      }
      continue;
    }
    try {
      const buffer = readFileSync(f.absPath);
      const source: SourceFile = { path: f.path, absPath: f.absPath, text: decodeText(buffer), kind: f.kind };
      if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) boms.add(source);
      sources.push(source);
    } catch (err) {
      errors.push({ file: f.path, message: describeFsError(err, 'cannot read') });
    }
  }
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

  const all = sources.map((s, i) => ({ path: s.path, absPath: s.absPath, before: originals[i]!, after: s.text, bom: boms.has(s) }));
  return {
    result: {
      root,
      files: sources.map((s) => s.path),
      findings: out.findings,
      errors,
      failureThreshold: config.failureThreshold,
      configFiles: config.sources,
      exitCode: exitStatus(out.findings, errors.length, config.failureThreshold),
      displaySources: out.displaySources,
    },
    fixed: all.filter((f) => f.after !== f.before),
    texts: all,
    passes,
  };
}

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = map.get(f.file);
    if (list) list.push(f);
    else map.set(f.file, [f]);
  }
  return map;
}

/**
 * Writes each changed file on disk atomically (stdin is never written); returns the paths
 * written. A symbolic link stays a link: its target is written.
 */
export function writeFixes(fixed: readonly FixedFile[]): string[] {
  const written: string[] = [];
  for (const f of fixed) {
    if (!f.absPath || f.after === f.before) continue;
    writeFileAtomic(realpathSync(f.absPath), (f.bom ? '\ufeff' : '') + f.after);
    written.push(f.path);
  }
  return written;
}

/** A unified diff of one fixed file (`a/` and `b/` prefixes, as git prints them), empty when unchanged. */
export function fixDiff(f: FixedFile): string {
  if (f.after === f.before) return '';
  const patch = createTwoFilesPatch(`a/${f.path}`, `b/${f.path}`, f.before, f.after, undefined, undefined, { context: 3 });
  // Drop the `Index:`/`====` header the diff library adds; keep ---/+++ and the hunks.
  return patch.replace(/^(?:Index:[^\n]*\n)?=+\n/, '');
}
