/**
 * A small stand-in for the lint engine, for running one kind's rules on text in tests:
 * parse, check, turn reports into findings, apply fixes until nothing changes.
 */
import type { KindSupport, ParseEnv, ParseProblem } from '../../src/lint/engine/kind.js';
import type { Finding, Fix, Rule, RuleExample, RuleOptions } from '../../src/lint/engine/types.js';
import { LineIndex } from '../../src/util/text.js';

export interface RunInput {
  code: string;
  filename?: string;
  files?: Record<string, string>;
  options?: RuleOptions;
}

export function envFor<Doc>(support: KindSupport<Doc>, files: Record<string, string> = {}): ParseEnv {
  return {
    root: '/virtual',
    readFile: (rel) => (files[rel] === undefined ? undefined : { path: rel, text: files[rel]!, kind: support.kind }),
  };
}

export function parseWith<Doc>(support: KindSupport<Doc>, input: RunInput): { doc: Doc | undefined; problems: ParseProblem[] } {
  const path = input.filename ?? defaultName(support.kind);
  return support.parse({ path, text: input.code, kind: support.kind }, envFor(support, input.files));
}

function defaultName(kind: string): string {
  return kind === 'tox' ? 'tox.ini' : kind === 'makefile' ? 'Makefile' : kind;
}

/** Runs the given rules (default: all of the kind) and returns findings sorted by position. */
export function run<Doc>(support: KindSupport<Doc>, input: RunInput, rules: readonly Rule<Doc>[] = support.rules): Finding[] {
  const path = input.filename ?? defaultName(support.kind);
  const file = { path, text: input.code, kind: support.kind };
  const { doc } = support.parse(file, envFor(support, input.files));
  if (doc === undefined) throw new Error('the file did not parse');
  const lines = new LineIndex(input.code);
  const findings: Finding[] = [];
  for (const rule of rules) {
    rule.check({
      doc,
      file,
      options: input.options ?? {},
      report(report) {
        const start = report.loc
          ? { line: report.loc.line, column: report.loc.column }
          : lines.positionAt(report.span?.start ?? 0);
        const end = report.loc
          ? { line: report.loc.endLine ?? report.loc.line, column: report.loc.endColumn ?? report.loc.column }
          : lines.positionAt(report.span?.end ?? report.span?.start ?? 0);
        const finding: Finding = {
          file: report.file?.path ?? path,
          line: start.line,
          column: start.column,
          endLine: end.line,
          endColumn: end.column,
          ruleId: rule.meta.id,
          severity: rule.meta.severity,
          message: report.message,
          aliases: rule.meta.aliases,
        };
        if (report.fix) finding.fix = Array.isArray(report.fix) ? report.fix : [report.fix];
        findings.push(finding);
      },
    });
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Applies non-overlapping fixes of one pass (first finding wins on overlap). */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : []));
  const chosen: Fix[][] = [];
  const taken: [number, number][] = [];
  for (const group of fixes) {
    const clash = group.some((fix) => taken.some(([a, b]) => fix.range[0] < b && a < fix.range[1] || (fix.range[0] === a && fix.range[1] === b)));
    if (clash) continue;
    chosen.push(group);
    for (const fix of group) taken.push(fix.range);
  }
  const edits = chosen.flat().sort((a, b) => b.range[0] - a.range[0]);
  let out = text;
  for (const e of edits) out = out.slice(0, e.range[0]) + e.text + out.slice(e.range[1]);
  return out;
}

/** `--fix`: lint and fix until no fix applies (at most 10 passes). */
export function fixAll<Doc>(support: KindSupport<Doc>, input: RunInput, rules: readonly Rule<Doc>[] = support.rules): string {
  let code = input.code;
  for (let pass = 0; pass < 10; pass++) {
    const next = applyFixes(code, run(support, { ...input, code }, rules));
    if (next === code) break;
    code = next;
  }
  return code;
}

/** The checks every rule's own examples must pass (the engine's global example test does the same). */
export function exampleCases<Doc>(rule: Rule<Doc>): { name: string; example: RuleExample; bad: boolean }[] {
  const cases = [
    ...rule.meta.examples.bad.map((example, i) => ({ name: `bad #${i + 1}`, example, bad: true })),
    ...rule.meta.examples.good.map((example, i) => ({ name: `good #${i + 1}`, example, bad: false })),
  ];
  return cases;
}
