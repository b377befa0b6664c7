/**
 * A small runner for gitlab-ci files: parse, run rules, return findings. The lint engine does the
 * same for every file kind; this one serves tests and the conformance scripts, and is handy for
 * library users who only want GitLab CI checks.
 */
import type { ParseEnv } from '../engine/kind.js';
import type { Finding, Report, Rule, SourceFile } from '../engine/types.js';
import { PARSE_ERROR_RULE } from '../engine/types.js';
import { LineIndex } from '../../util/text.js';
import { gitlabCiSupport } from './index.js';
import type { GitlabCiDoc } from './model/types.js';

export interface RunOptions {
  /** Rules to run (default: all gitlab-ci rules). */
  rules?: readonly Rule<GitlabCiDoc>[];
  /** Only these rule ids (parse errors are always reported). */
  only?: readonly string[];
}

/** An in-memory repository for `include: local`: path → content. */
export function memoryEnv(files: Record<string, string>, root = '/repo'): ParseEnv {
  return {
    root,
    readFile(relPath) {
      const path = relPath.replace(/^\.?\/+/, '');
      const text = files[path];
      return text === undefined ? undefined : { path, text, kind: 'gitlab-ci' };
    },
  };
}

export function lintGitlabCi(file: SourceFile, env?: ParseEnv, options: RunOptions = {}): Finding[] {
  const indexes = new Map<string, LineIndex>();
  const index = (f: SourceFile) => {
    let i = indexes.get(f.path);
    if (!i) indexes.set(f.path, (i = new LineIndex(f.text)));
    return i;
  };
  const findings: Finding[] = [];
  const toFinding = (report: Report, ruleId: string, severity: Finding['severity'], aliases: string[], fallback: SourceFile): Finding => {
    const target = report.file ?? fallback;
    const lines = index(target);
    const span = report.span ?? { start: 0, end: 0 };
    const start = report.loc ? { line: report.loc.line, column: report.loc.column } : lines.positionAt(span.start);
    const end = report.loc
      ? { line: report.loc.endLine ?? report.loc.line, column: report.loc.endColumn ?? report.loc.column }
      : lines.positionAt(span.end);
    const finding: Finding = {
      file: target.path,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      ruleId,
      severity,
      message: report.message,
      aliases,
    };
    if (report.fix) finding.fix = Array.isArray(report.fix) ? report.fix : [report.fix];
    return finding;
  };

  const parsed = gitlabCiSupport.parse(file, env ?? memoryEnv({}));
  for (const problem of parsed.problems) findings.push(toFinding(problem, PARSE_ERROR_RULE, 'error', [], file));
  if (!parsed.doc) return findings;
  const doc = parsed.doc;
  const rules = (options.rules ?? gitlabCiSupport.rules).filter((r) => !options.only || options.only.includes(r.meta.id));
  for (const rule of rules) {
    rule.check({
      doc,
      file,
      options: {},
      report: (report) => findings.push(toFinding(report, rule.meta.id, rule.meta.severity, rule.meta.aliases, file)),
    });
  }
  return findings.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
}
