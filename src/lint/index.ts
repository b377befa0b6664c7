/**
 * slipway's lint library: `lint` (files on disk, as `slipway lint` does), `lintText` (one text
 * in memory), `fixText` and `applyFixes`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyFixes, fixesOfFindings } from './engine/apply-fixes.js';
import { layerFromConfig, resolveConfig, type ConfigLayer, type FailureThreshold, type LintConfig, type ResolvedConfig, type RuleSetting } from './engine/config.js';
import { readConfigLayers } from './engine/config-files.js';
import { describeFsError, discoverFiles, reportPath, type PathError } from './engine/discovery.js';
import { exitStatus } from './engine/exit-status.js';
import { kindOfFileName } from './engine/file-kind.js';
import type { FileKindOfFile } from './engine/project.js';
import type { KindRegistry } from './engine/registry.js';
import { runEngine } from './engine/run.js';
import { decodeText, diskReader, diskStat, memoryReader, memoryStat } from './engine/source-reader.js';
import { PARSE_ERROR_RULE, type FileKind, type Finding, type RuleOptions, type SourceFile } from './engine/types.js';
import { loadRegistry } from './kinds.js';

export { applyFixes, applyFixesDetailed } from './engine/apply-fixes.js';
export { maskSecret } from './engine/mask-secret.js';
export { LintConfigError } from './engine/errors.js';
export type { LintConfig, FailureThreshold, RuleSetting } from './engine/config.js';
export type { PathError } from './engine/discovery.js';
export type { ProjectDoc, ProjectFile } from './engine/project.js';
export { loadRegistry } from './kinds.js';

export interface LintOptions {
  /** Lint root: paths, configuration and report paths are relative to it (default: the current directory). */
  cwd?: string;
  /** Lint explicitly named files (and stdin) as this kind instead of by name. */
  kind?: FileKindOfFile;
  /** A configuration file to use instead of looking for one in the root. */
  configFile?: string;
  /** Read no configuration file at all. */
  noConfig?: boolean;
  /** Settings that override the configuration files (what the CLI flags give). */
  overrides?: LintConfig;
  /** Text of the path `-`, linted as `filename` (relative to the root). */
  stdin?: { text: string; filename: string };
  /** For tests: the registry of kinds and rules to use instead of slipway's. */
  registry?: KindRegistry;
}

export interface LintResult {
  /** Absolute lint root. */
  root: string;
  /** Report paths of the linted files, in order. */
  files: string[];
  /** Sorted findings, suppressions and configuration applied. */
  findings: Finding[];
  /** Paths that could not be linted (missing, unreadable, unknown kind). */
  errors: PathError[];
  failureThreshold: FailureThreshold;
  /** Configuration files read. */
  configFiles: string[];
  /** 0 clean, 1 a finding at or above the threshold, 2 unreadable or unparsable files or a crash. */
  exitCode: 0 | 1 | 2;
  /** File texts with secrets masked, for code frames. */
  displaySources: ReadonlyMap<string, string>;
}

/**
 * Lints files on disk: with no path, every file slipway recognises under the root that git
 * would not ignore. Throws `LintConfigError` for bad configuration.
 */
export async function lint(paths: readonly string[], options: LintOptions = {}): Promise<LintResult> {
  const input = await readLintInput(paths, options);
  const { registry, root, sources, config } = input;
  return lintResultOf(input, await runEngine({ registry, root, files: sources, config, readFile: diskReader(root), stat: diskStat(root) }));
}

/** What `lint` reads before running the engine (shared with `lintAndFix` in ./fix/). */
export interface LintInput {
  root: string;
  registry: KindRegistry;
  config: ResolvedConfig;
  /** The files to lint, read (stdin first). */
  sources: SourceFile[];
  errors: PathError[];
}

/** Reads the configuration and the files `lint` would lint. Throws `LintConfigError` for bad configuration. */
export async function readLintInput(paths: readonly string[], options: LintOptions = {}): Promise<LintInput> {
  const root = resolve(options.cwd ?? process.cwd());
  const registry = options.registry ?? (await loadRegistry());
  const layers: ConfigLayer[] = options.noConfig ? [] : await readConfigLayers(root, options.configFile);
  if (options.overrides) layers.push(layerFromConfig(options.overrides, 'command line'));
  const config = resolveConfig(registry, layers);

  const onDisk = paths.filter((p) => p !== '-');
  const { files: found, errors } =
    paths.length > 0 && onDisk.length === 0 ? { files: [], errors: [] } : discoverFiles(root, onDisk, { kind: options.kind, excluded: config.excludesFile });
  const sources: SourceFile[] = [];
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
      sources.push({ path: f.path, absPath: f.absPath, text: decodeText(readFileSync(f.absPath)), kind: f.kind });
    } catch (err) {
      errors.push({ file: f.path, message: describeFsError(err, 'cannot read') });
    }
  }
  return { root, registry, config, sources, errors };
}

/** The `LintResult` of an engine run over `input`. */
export function lintResultOf(input: LintInput, out: { findings: Finding[]; displaySources: ReadonlyMap<string, string> }): LintResult {
  const { root, sources, errors, config } = input;
  return {
    root,
    files: sources.map((s) => s.path),
    findings: out.findings,
    errors,
    failureThreshold: config.failureThreshold,
    configFiles: config.sources,
    exitCode: exitStatus(out.findings, errors.length, config.failureThreshold),
    displaySources: out.displaySources,
  };
}

export interface LintTextOptions {
  /** The file's kind; `project` lints `filename` and `files` together for the cross-file rules (which run only then). */
  kind: FileKind;
  /** Report path (default: the kind's usual name, e.g. `Dockerfile`). Required for kind `project`. */
  filename?: string;
  /** Only these rule ids run (engine findings such as parse errors are always reported). */
  only?: readonly string[];
  /** Rule settings (id, alias or glob → severity or off). */
  rules?: Record<string, RuleSetting>;
  /** Options of configuration-driven rules (trusted registries, label schema). */
  options?: RuleOptions;
  /** Other files of the in-memory repository, path → text (includes, cross-file rules). */
  files?: Record<string, string>;
  /** For tests: the registry of kinds and rules to use instead of slipway's. */
  registry?: KindRegistry;
}

const DEFAULT_NAMES: Record<FileKindOfFile, string> = {
  dockerfile: 'Dockerfile',
  'gitlab-ci': '.gitlab-ci.yml',
  makefile: 'Makefile',
  tox: 'tox.ini',
  descriptor: 'slipway.yaml',
};

/** The kind and report path of the text given to `lintText`. */
function mainFile(options: LintTextOptions): { kind: FileKindOfFile; filename: string } {
  if (options.kind !== 'project') return { kind: options.kind, filename: options.filename ?? DEFAULT_NAMES[options.kind] };
  const kind = options.filename ? kindOfFileName(options.filename) : undefined;
  if (!kind || !options.filename) {
    throw new Error(`lintText with kind "project" needs a filename slipway recognises, got ${JSON.stringify(options.filename)}`);
  }
  return { kind, filename: options.filename };
}

/** Lints one text in memory; never reads the disk. Throws `LintConfigError` for bad `rules`. */
export async function lintText(text: string, options: LintTextOptions): Promise<Finding[]> {
  const registry = options.registry ?? (await loadRegistry());
  const { kind, filename } = mainFile(options);
  const config = resolveConfig(registry, [
    layerFromConfig(
      {
        rules: options.rules,
        trustedRegistries: options.options?.trustedRegistries,
        labelSchema: options.options?.labelSchema,
        strictLabels: options.options?.strictLabels,
      },
      'lintText options',
    ),
  ]);
  const all = { ...(options.files ?? {}), [filename]: text };
  const reader = memoryReader(all);
  const main = reader(filename, kind)!;
  const files = [main];
  if (options.kind === 'project') {
    for (const path of Object.keys(options.files ?? {}).sort()) {
      const k = kindOfFileName(path);
      const f = k ? reader(path, k) : undefined;
      if (f && f.path !== main.path && registry.supports.has(f.kind)) files.push(f);
    }
  }
  const { findings } = await runEngine({
    // One text is not a repository: the cross-file rules would find every other file missing.
    registry: options.kind === 'project' ? registry : { ...registry, projectRules: [] },
    root: process.cwd(),
    files,
    config,
    only: options.only ? new Set(options.only) : undefined,
    readFile: reader,
    stat: memoryStat(all),
  });
  return findings;
}

/**
 * Lints and fixes a text until no fix applies (at most 10 passes, as ESLint does): the text
 * `--fix` would write. Findings of other files (includes) are not fixed.
 */
export async function fixText(text: string, options: LintTextOptions): Promise<{ output: string; passes: number; parses: boolean }> {
  let output = text;
  let passes = 0;
  const { filename } = mainFile(options);
  for (; passes < 10; passes++) {
    const findings = await lintText(output, options);
    const own = findings.filter((f) => f.file === filename);
    const next = applyFixes(output, fixesOfFindings(own));
    if (next === output) break;
    output = next;
  }
  const after = await lintText(output, { ...options, only: [] });
  return { output, passes, parses: !after.some((f) => f.ruleId === PARSE_ERROR_RULE) };
}
