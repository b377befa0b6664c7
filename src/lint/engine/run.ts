import type { LineIndex } from '../../util/text.js';
import { effectiveSetting, type ResolvedConfig } from './config.js';
import { engineRule } from './engine-rules.js';
import { fixesOf, LineIndexCache, regionOf, sortAndDedupe } from './findings.js';
import type { KindSupport, ParseEnv } from './kind.js';
import { maskSecretsIn, maskSpans } from './mask-secret.js';
import { createProjectDoc, type FileKindOfFile, type ProjectFile } from './project.js';
import type { KindRegistry } from './registry.js';
import { ensureShellReady } from './shell-init.js';
import type { RepoReader, RepoStat } from './source-reader.js';
import { applyDirectives, parseDirectives, resolveRanges } from './suppressions.js';
import {
  INTERNAL_ERROR_RULE,
  INVALID_SUPPRESSION_RULE,
  PARSE_ERROR_RULE,
  UNUSED_SUPPRESSION_RULE,
  type FileKind,
  type Finding,
  type Report,
  type Rule,
  type RuleContext,
  type Severity,
  type SourceFile,
  type Span,
} from './types.js';

export interface EngineInput {
  registry: KindRegistry;
  root: string;
  /** Files to lint, in report order. */
  files: readonly SourceFile[];
  config: ResolvedConfig;
  /** When given, only these rule ids (and engine findings) run. */
  only?: ReadonlySet<string>;
  readFile: RepoReader;
  /** Tells files from directories for the cross-file rules (default: only files are known). */
  stat?: RepoStat;
}

export interface EngineOutput {
  /** Sorted, suppressions and configuration applied. */
  findings: Finding[];
  /** The text of every file a finding points into, with secrets masked: for code frames only. */
  displaySources: Map<string, string>;
}

interface FileState {
  file: SourceFile;
  support?: KindSupport;
  doc?: unknown;
  /** Whether this file's rules ran (it parsed), so that unused suppressions mean something. */
  checked: boolean;
}

/**
 * Lints already-read files: parse each with its kind, run its rules, the `any` rules and the
 * cross-file rules, then apply inline suppressions and configuration. A crashing parser or
 * rule becomes an `internal-error` finding; nothing here throws for a bad input file.
 */
export async function runEngine(input: EngineInput): Promise<EngineOutput> {
  await ensureShellReady();
  const { registry, config, only } = input;
  const indexes = new LineIndexCache();
  const files = new Map<string, FileState>();
  const findings: Finding[] = [];
  const secrets = new Map<string, Span[]>();
  const debug = Boolean(process.env.SLIPWAY_DEBUG);

  const settingOf = (ruleId: string, severity: Severity) => {
    if (only && !only.has(ruleId) && !engineRule(ruleId)) return 'off';
    return effectiveSetting(config, ruleId, severity);
  };
  const remember = (file: SourceFile) => {
    if (!files.has(file.path)) files.set(file.path, { file, checked: false });
  };
  const engineFinding = (file: SourceFile, ruleId: string, message: string, at: Pick<Report, 'span' | 'loc'> = {}) => {
    remember(file);
    const index = indexes.of(file);
    let region = regionOf(index, at);
    if ('error' in region) region = regionOf(index, {}) as Exclude<typeof region, { error: string }>;
    const severity = engineRule(ruleId)!.severity;
    findings.push({ file: file.path, ...region, ruleId, severity, message, aliases: engineRule(ruleId)!.aliases });
  };
  const crash = (file: SourceFile, what: string, err: unknown) => {
    const e = err instanceof Error ? err : new Error(String(err));
    const detail = debug && e.stack ? `\n${e.stack}` : '';
    engineFinding(file, INTERNAL_ERROR_RULE, `${what} crashed: ${e.message}; this is a bug in slipway, please report it${detail}`);
  };
  const envFor = (kind: FileKind): ParseEnv => ({
    root: input.root,
    readFile: (relPath) => {
      const f = input.readFile(relPath, kind);
      if (f) remember(f);
      return f;
    },
  });

  /** Turns one rule's report into a finding (or an internal error when its position is bad). */
  const collect = (rule: Rule, current: SourceFile, report: Report, severity: Severity) => {
    const target = report.file ?? current;
    if (target.kind === 'project' && !report.file) {
      engineFinding(current, INTERNAL_ERROR_RULE, `rule ${rule.meta.id} reported a cross-file finding without naming its file`);
      return;
    }
    remember(target);
    const index = indexes.of(target);
    const region = regionOf(index, report);
    const fix = fixesOf(target, report.fix);
    const bad = 'error' in region ? region.error : fix && 'error' in fix ? fix.error : undefined;
    if (bad !== undefined) {
      engineFinding(target, INTERNAL_ERROR_RULE, `rule ${rule.meta.id} reported a finding outside the file: ${bad}`);
      return;
    }
    let message = report.message;
    if (report.secrets?.length) {
      const list = secrets.get(target.path) ?? [];
      for (const s of report.secrets) list.push(s);
      secrets.set(target.path, list);
      message = maskSecretsIn(message, report.secrets.map((s) => target.text.slice(s.start, s.end)));
    }
    const finding: Finding = {
      file: target.path,
      ...(region as Exclude<typeof region, { error: string }>),
      ruleId: rule.meta.id,
      severity,
      message,
      aliases: [...rule.meta.aliases],
    };
    if (fix && !('error' in fix)) finding.fix = fix;
    findings.push(finding);
  };

  /** Runs one rule; a rule may be asynchronous (cross-file rules that regenerate files), then the result is awaited by the caller. */
  const runRule = <Doc>(rule: Rule<Doc>, file: SourceFile, doc: Doc): void | Promise<void> => {
    const setting = settingOf(rule.meta.id, rule.meta.severity);
    if (setting === 'off') return;
    const ctx: RuleContext<Doc> = {
      doc,
      file,
      options: config.options,
      report: (report) => collect(rule as Rule, file, report, setting),
    };
    try {
      const pending = rule.check(ctx);
      if (pending) return pending.catch((err: unknown) => crash(file, `rule ${rule.meta.id}`, err));
    } catch (err) {
      crash(file, `rule ${rule.meta.id}`, err);
    }
  };

  // 1. Each file: parse, report parse problems, run its kind's rules and the `any` rules.
  for (const file of input.files) {
    const state: FileState = { file, checked: false };
    files.set(file.path, state);
    const support = registry.supports.get(file.kind);
    if (!support) {
      engineFinding(file, PARSE_ERROR_RULE, `slipway cannot lint ${file.kind} files yet`);
      continue;
    }
    state.support = support;
    let parsed;
    try {
      parsed = support.parse(file, envFor(file.kind));
    } catch (err) {
      crash(file, `the ${file.kind} parser`, err);
    }
    for (const problem of parsed?.problems ?? []) {
      const target = problem.file ?? file;
      remember(target);
      const region = regionOf(indexes.of(target), problem);
      const at = 'error' in region ? {} : { loc: region };
      engineFinding(target, PARSE_ERROR_RULE, problem.message, at);
    }
    if (parsed?.doc !== undefined) {
      state.doc = parsed.doc;
      state.checked = true;
      for (const rule of support.rules) runRule(rule, file, parsed.doc);
    }
    if (registry.any && registry.any.rules.some((r) => settingOf(r.meta.id, r.meta.severity) !== 'off')) {
      try {
        const anyDoc = await registry.any.prepare(file);
        const list = secrets.get(file.path) ?? [];
        for (const s of anyDoc.secrets) list.push(s.span);
        secrets.set(file.path, list);
        for (const rule of registry.any.rules) runRule(rule, file, anyDoc);
      } catch (err) {
        crash(file, 'the secret scan', err);
      }
    }
  }

  // 2. Cross-file rules over every parsed file.
  if (registry.projectRules.some((r) => settingOf(r.meta.id, r.meta.severity) !== 'off')) {
    const linted: ProjectFile[] = input.files.map((f) => ({
      kind: f.kind as FileKindOfFile,
      file: f,
      doc: files.get(f.path)?.doc,
    }));
    const descriptor = linted.find((f) => f.kind === 'descriptor' && f.file.path === 'slipway.yaml') ?? parseQuietly(input, 'slipway.yaml');
    const doc = createProjectDoc(input.root, linted, descriptor, (rel) => envFor('project').readFile(rel), input.stat);
    const projectFile: SourceFile = { path: '.', text: '', kind: 'project' };
    for (const rule of registry.projectRules) await runRule(rule, projectFile, doc);
  }

  // 3. Inline suppressions, then configuration, then the severities in force.
  const result: Finding[] = [];
  // Grouped once: filtering every finding for each file cost files × findings.
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  for (const [path, state] of files) {
    const own = byFile.get(path) ?? [];
    // A loop, not push(...): a file may have more findings than a call can take arguments.
    for (const f of suppress(own, state, input, indexes.of(state.file), settingOf)) result.push(f);
  }
  const kept = result.filter((f) => {
    if (f.ruleId === PARSE_ERROR_RULE || f.ruleId === INTERNAL_ERROR_RULE) return true;
    return !config.excludesFile(f.file) && !config.ignoresFinding(f.file, f.ruleId);
  });

  const displaySources = new Map<string, string>();
  for (const [path, state] of files) displaySources.set(path, maskSpans(state.file.text, secrets.get(path) ?? []));
  return { findings: sortAndDedupe(kept), displaySources };
}

/** Applies one file's suppression comments and adds the findings about the comments themselves. */
function suppress(
  own: Finding[],
  state: FileState,
  input: EngineInput,
  index: LineIndex,
  settingOf: (ruleId: string, severity: Severity) => Severity | 'off',
): Finding[] {
  if (!input.config.inlineSuppressions) return own;
  const { directives, invalid } = parseDirectives(index, input.registry, state.file.kind === 'tox');
  const range =
    state.support?.statementRange && state.doc !== undefined
      ? (line: number) => state.support!.statementRange!(state.doc, line)
      : undefined;
  resolveRanges(directives, index, range);
  const isEngine = (f: Finding) => engineRule(f.ruleId) !== undefined;
  const kept = [...own.filter(isEngine), ...applyDirectives(own.filter((f) => !isEngine(f)), directives)];
  const extra: Finding[] = [];
  const push = (ruleId: string, message: string, loc: { line: number; column: number; endColumn: number }) => {
    const setting = settingOf(ruleId, engineRule(ruleId)!.severity);
    if (setting === 'off') return;
    extra.push({ file: state.file.path, line: loc.line, column: loc.column, endLine: loc.line, endColumn: loc.endColumn, ruleId, severity: setting, message, aliases: [] });
  };
  for (const bad of invalid) push(INVALID_SUPPRESSION_RULE, bad.message, bad);
  if (state.checked) {
    for (const d of directives) {
      for (const ref of d.refs) {
        if (ref.used || ref.ids.length === 0) continue;
        const ran = ref.ids.some((id) => {
          const meta = input.registry.byId.get(id)?.meta;
          return meta !== undefined && settingOf(id, meta.severity) !== 'off';
        });
        if (!ran) continue;
        const where = d.scope === 'file' ? 'in this file' : d.scope === 'stage' ? 'in this stage' : 'on the next statement';
        const comment = d.origin === 'hadolint' ? 'hadolint ignore' : 'slipway-ignore';
        push(UNUSED_SUPPRESSION_RULE, `unused ${comment} of "${ref.name}": no such finding ${where}`, ref);
      }
    }
  }
  return [...kept, ...extra];
}

/** Parses a file for the cross-file rules only (its own problems are not reported). */
function parseQuietly(input: EngineInput, relPath: string): ProjectFile | undefined {
  const support = input.registry.supports.get('descriptor');
  const file = input.readFile(relPath, 'descriptor');
  if (!support || !file) return undefined;
  try {
    const parsed = support.parse(file, { root: input.root, readFile: (p) => input.readFile(p, 'descriptor') });
    return { kind: 'descriptor', file, doc: parsed.doc };
  } catch {
    return { kind: 'descriptor', file, doc: undefined };
  }
}
