/**
 * Runs a rule's own examples through the real engine with only that rule enabled, and says
 * what is wrong with them (empty when all hold): examples parse (except for the secret rules,
 * which read any text) and crash nothing; every bad example yields at least one
 * finding of the rule, each inside the file; every good example yields none; a bad example
 * with `output` is fixed by the rule's fixes to exactly that text, which parses and no longer
 * makes the rule fire; a bad example without `output` is left unchanged by the fixes.
 */
import { kindOfFileName } from '../../src/lint/engine/file-kind.js';
import type { KindRegistry } from '../../src/lint/engine/registry.js';
import type { FileKind, Finding, Rule, RuleExample } from '../../src/lint/engine/types.js';
import { LineIndex } from '../../src/util/text.js';
import { fixText, lintText, type LintTextOptions } from '../../src/lint/index.js';

export function exampleOptions(rule: Rule, example: RuleExample, registry: KindRegistry): LintTextOptions {
  let kind: FileKind;
  if (rule.meta.kind === 'any') kind = (example.filename ? kindOfFileName(example.filename) : undefined) ?? 'dockerfile';
  else kind = rule.meta.kind;
  return { kind, filename: example.filename, only: [rule.meta.id], options: example.options, files: example.files, registry };
}

function label(kind: 'bad' | 'good', i: number, example: RuleExample): string {
  return `${kind} example ${i + 1}${example.note ? ` (${example.note})` : ''}`;
}

export async function checkRuleExamples(rule: Rule, registry: KindRegistry): Promise<string[]> {
  const id = rule.meta.id;
  const problems: string[] = [];
  // A secret rule reads raw text whatever its file's kind: that file need not parse.
  const parses = rule.meta.kind !== 'any';
  const isBroken = (f: Finding) => f.ruleId === 'internal-error' || (parses && f.ruleId === 'parse-error');
  const describe = (fs: readonly Finding[]) => fs.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}: ${f.message}`).join('; ');
  for (const [i, example] of rule.meta.examples.bad.entries()) {
    const what = label('bad', i, example);
    const options = exampleOptions(rule, example, registry);
    const findings = await lintText(example.code, options);
    const own = findings.filter((f) => f.ruleId === id);
    const broken = findings.filter(isBroken);
    if (broken.length) problems.push(`${what}: ${describe(broken)}`);
    if (own.length === 0) problems.push(`${what}: ${id} reports nothing`);
    for (const f of own) {
      const text = textOf(f.file, example);
      const where = positionProblem(f, text);
      if (where) problems.push(`${what}: finding at ${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${where}`);
    }
    const fixed = await fixText(example.code, options);
    if (example.output === undefined) {
      if (fixed.output !== example.code) problems.push(`${what}: the rule's fixes change it, so the example must state its output`);
      continue;
    }
    if (example.output === example.code) problems.push(`${what}: output is the same as the code`);
    if (fixed.output !== example.output) problems.push(`${what}: fixed to ${JSON.stringify(fixed.output)}, expected ${JSON.stringify(example.output)}`);
    if (parses && !fixed.parses) problems.push(`${what}: the fixed text does not parse`);
    const again = (await lintText(example.output, options)).filter((f) => f.ruleId === id);
    if (again.length) problems.push(`${what}: ${id} still fires on the stated output: ${describe(again)}`);
  }
  for (const [i, example] of rule.meta.examples.good.entries()) {
    const findings = await lintText(example.code, exampleOptions(rule, example, registry));
    const bad = findings.filter((f) => f.ruleId === id || isBroken(f));
    if (bad.length) problems.push(`${label('good', i, example)}: ${describe(bad)}`);
  }
  return problems;
}

/** The text of the file a finding is in: one of the example's `files`, or the example itself. */
function textOf(file: string, example: RuleExample): string | undefined {
  if (example.files && file in example.files) return example.files[file];
  return example.code;
}

/** Why a finding's region is not inside the text, or undefined when it is. */
export function positionProblem(f: Finding, text: string | undefined): string | undefined {
  if (text === undefined) return 'is in a file the example does not have';
  const index = new LineIndex(text);
  const width = (line: number) => index.lineText(line).length;
  if (f.line < 1 || f.line > index.lineCount) return `has line ${f.line} outside 1–${index.lineCount}`;
  if (f.column < 1 || f.column > width(f.line) + 1) return `has column ${f.column} outside line ${f.line}`;
  if (f.endLine < f.line || f.endLine > index.lineCount) return `has end line ${f.endLine} outside ${f.line}–${index.lineCount}`;
  if (f.endColumn < 1 || f.endColumn > width(f.endLine) + 1 || (f.endLine === f.line && f.endColumn < f.column)) {
    return `has end column ${f.endColumn} outside line ${f.endLine}`;
  }
  return undefined;
}
