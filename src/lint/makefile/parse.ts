/**
 * A line-oriented parser of GNU make syntax that keeps file offsets.
 *
 * It follows the order GNU make's reader (read.c) uses on each line: a line starting with the
 * recipe prefix right after a rule is a recipe line; otherwise the line is a variable assignment,
 * a conditional, `define`, a directive, a rule, or a lone expansion such as `$(eval …)`. Blank and
 * comment lines do not end a rule's recipe; conditionals do not either; anything else does.
 *
 * One difference on purpose: a line indented with spaces right after a rule or a recipe line is
 * kept as a recipe line marked `badIndent` (make itself stops with "missing separator" or, worse,
 * reads it as a variable assignment), so that a rule can report it with a fix.
 */
import { LineIndex } from '../../util/text.js';
import type { Span } from '../engine/types.js';
import type { ParseProblem } from '../engine/kind.js';
import type {
  Assignment,
  AssignmentOp,
  ConditionBranch,
  Conditional,
  ConditionalDirective,
  Directive,
  MakeRule,
  MakefileDoc,
  RecipeLine,
  Statement,
  StatementBase,
} from './model.js';
import {
  commentStart,
  endsWithContinuation,
  findTopLevel,
  skipReference,
  splitWords,
  trimmed,
  variableRefs,
  type Word,
} from './scan.js';
import { pushAll } from '../../util/push-all.js';

/** The parser's result: the document (always; make syntax errors are problems beside it). */
export interface MakefileParse {
  doc: MakefileDoc;
  problems: ParseProblem[];
}

const MODIFIERS = new Set(['export', 'override', 'private']);
const CONDITIONAL = /^(ifeq|ifneq|ifdef|ifndef|else|endif)(?=[\s\\]|$)/;
const DEFINE = /^((?:(?:export|override|private)\s+)*)define(?=\s|$)/;
const ENDEF = /^\s*endef(?=\s|#|$)/;
const INCLUDE = /^(-include|sinclude|include)(?=\s|$)/;
const DIRECTIVE = /^(export|unexport|vpath|undefine|-?load|override|private)(?=\s|$)/;

type LineParse =
  | { kind: 'assignment'; name: Word; op: AssignmentOp; value: Word; modifiers: string[] }
  | { kind: 'define'; name: Word; op: AssignmentOp; modifiers: string[] }
  | { kind: 'conditional'; directive: ConditionalDirective; argument: Word }
  | { kind: 'include'; optional: boolean; files: Word[] }
  | { kind: 'directive'; name: Directive['name']; args: Word[] }
  | { kind: 'rule'; rule: RuleParts }
  | { kind: 'target-variable'; targets: Word[]; assignment: AssignmentParts & { modifiers: string[] } }
  | { kind: 'expansion' }
  | { kind: 'stray-endef' }
  | { kind: 'invalid' };

interface AssignmentParts {
  name: Word;
  op: AssignmentOp;
  value: Word;
}

type RuleParts = Pick<MakeRule, 'targets' | 'prerequisites' | 'orderOnly' | 'doubleColon' | 'grouped' | 'staticPattern'> & {
  inlineRecipe?: { text: string; span: Span };
};

/** Parses one Makefile's text. Never throws; odd lines become problems. */
export function parseMakefileText(text: string): MakefileParse {
  return new MakefileReader(text).read();
}

class MakefileReader {
  private readonly lines: LineIndex;
  private readonly statements: Statement[] = [];
  private readonly rules: MakeRule[] = [];
  private readonly assignments: Assignment[] = [];
  private readonly problems: ParseProblem[] = [];
  private readonly refs: MakefileDoc['variableRefs'] = [];
  private readonly comments: MakefileDoc['comments'] = [];
  private prefix = '\t';
  private oneShell = false;
  private currentRule: MakeRule | undefined;
  /** What the last non-blank, non-comment line was, for telling misindented recipe lines. */
  private last: 'rule' | 'recipe' | 'other' = 'other';
  private readonly conditionals: { id: number; branch: number; line: number; directive: string; span: Span }[] = [];
  private nextConditionalId = 0;

  constructor(private readonly text: string) {
    this.lines = new LineIndex(text);
  }

  read(): MakefileParse {
    let line = 1;
    while (line <= this.lines.lineCount) line = this.readLine(line);
    for (const open of this.conditionals) {
      this.problems.push({
        message: `\`${open.directive}\` is never closed by \`endif\` (make: "missing 'endif'")`,
        span: open.span,
      });
    }
    const doc: MakefileDoc = {
      text: this.text,
      lines: this.lines,
      statements: this.statements,
      comments: this.comments,
      rules: this.rules,
      assignments: this.assignments,
      variableRefs: this.refs,
      recipePrefix: this.prefix,
      oneShell: this.oneShell,
      included: [],
      unresolvedIncludes: [],
      fileExists: () => false,
    };
    return { doc, problems: this.problems };
  }

  private lineStart(line: number): number {
    return this.lines.starts[line - 1]!;
  }

  private lineEnd(line: number): number {
    return this.lineStart(line) + this.lines.lineText(line).length;
  }

  /** Last physical line of the logical line that starts at `line`. */
  private logicalEnd(line: number): number {
    let l = line;
    while (l < this.lines.lineCount && endsWithContinuation(this.lines.lineText(l))) l++;
    return l;
  }

  private conditionsNow(): ConditionBranch[] {
    return this.conditionals.map(({ id, branch }) => ({ id, branch }));
  }

  /** Reads the logical line starting at `line`; returns the next line to read. */
  private readLine(line: number): number {
    const physical = this.lines.lineText(line);
    const start = this.lineStart(line);
    const last = this.logicalEnd(line);
    if (this.currentRule && physical.startsWith(this.prefix)) {
      this.addRecipeLine(line, last, start + this.prefix.length);
      return last + 1;
    }
    const raw = this.text.slice(start, this.lineEnd(last));
    const hash = commentStart(raw);
    let body = trimmed(hash >= 0 ? raw.slice(0, hash) : raw, start);
    if (body.text === '') {
      if (hash >= 0) this.addComment(raw, start, hash);
      return last + 1;
    }
    const indent = body.span.start - start;
    let parsed = parseLine(body.text, body.span.start);
    if (parsed.kind === 'rule' && parsed.rule.inlineRecipe && hash >= 0) {
      // A `#` after the `;` of a rule belongs to the recipe, which make hands to the shell as is.
      body = trimmed(raw, start);
      parsed = parseLine(body.text, body.span.start);
    } else if (hash >= 0) {
      this.addComment(raw, start, hash);
    }

    if (this.currentRule && this.prefix === '\t' && physical.startsWith(' ') && !isMakeSyntax(parsed, body.text)) {
      if (this.last !== 'other' || parsed.kind === 'invalid') {
        this.addRecipeLine(line, last, start + indent, { start, end: start + indent });
        return last + 1;
      }
    }
    if (physical.startsWith(this.prefix) && !this.currentRule && (parsed.kind === 'rule' || parsed.kind === 'invalid')) {
      this.problems.push({
        message: 'recipe line before any rule (make: "recipe commences before first target"); ' +
          'put it under a `target:` line or remove the leading tab',
        span: body.span,
      });
      this.last = 'other';
      return last + 1;
    }
    return this.commit(parsed, body, line, last);
  }

  private addComment(raw: string, start: number, hash: number): void {
    const at = start + hash;
    this.comments.push({ text: raw.slice(hash), span: { start: at, end: start + raw.length }, line: this.lines.positionAt(at).line });
  }

  private base(body: Word, line: number, last: number): StatementBase {
    return {
      startLine: line,
      endLine: last,
      span: { start: body.span.start, end: this.lineEnd(last) },
      conditions: this.conditionsNow(),
    };
  }

  private commit(parsed: LineParse, body: Word, line: number, last: number): number {
    this.last = 'other';
    switch (parsed.kind) {
      case 'conditional':
        this.conditional(parsed.directive, parsed.argument, body, line, last);
        return last + 1;
      case 'rule':
        this.rule(parsed.rule, body, line, last);
        return last + 1;
      case 'invalid':
        this.currentRule = undefined;
        this.problems.push({
          message: 'line is not a rule, a variable assignment or a directive (make: "missing separator"); ' +
            'a rule needs `target:` and a recipe line must start with a tab',
          span: body.span,
        });
        return last + 1;
      case 'stray-endef':
        this.problems.push({ message: '`endef` without a matching `define` (make: "extraneous \'endef\'")', span: body.span });
        return last + 1;
      case 'define':
        this.currentRule = undefined;
        return this.define(parsed, body, line);
      default:
        break;
    }
    this.currentRule = undefined;
    pushAll(this.refs, variableRefs(body.text, body.span.start));
    const base = this.base(body, line, last);
    if (parsed.kind === 'assignment' || parsed.kind === 'target-variable') {
      const parts = parsed.kind === 'assignment' ? parsed : parsed.assignment;
      const assignment: Assignment = {
        ...base,
        type: 'assignment',
        name: parts.name,
        op: parts.op,
        value: parts.value,
        modifiers: parts.modifiers,
        define: false,
        ...(parsed.kind === 'target-variable' ? { targets: parsed.targets } : {}),
      };
      this.addAssignment(assignment);
    } else if (parsed.kind === 'include') {
      this.statements.push({ ...base, type: 'include', optional: parsed.optional, files: parsed.files });
    } else if (parsed.kind === 'directive') {
      this.statements.push({ ...base, type: 'directive', name: parsed.name, args: parsed.args });
    } else {
      this.statements.push({ ...base, type: 'expansion', text: body.text });
    }
    return last + 1;
  }

  private addAssignment(assignment: Assignment): void {
    this.statements.push(assignment);
    this.assignments.push(assignment);
    if (assignment.name.text === '.RECIPEPREFIX' && !assignment.targets && assignment.op !== '+=' && assignment.op !== '!=') {
      this.prefix = assignment.value.text[0] ?? '\t';
    }
  }

  private conditional(directive: ConditionalDirective, argument: Word, body: Word, line: number, last: number): void {
    pushAll(this.refs, variableRefs(argument.text, argument.span.start));
    const top = this.conditionals[this.conditionals.length - 1];
    if ((directive === 'else' || directive === 'endif') && !top) {
      this.problems.push({
        message: `\`${directive}\` without a matching \`ifeq\`/\`ifdef\` (make: "extraneous '${directive}'")`,
        span: body.span,
      });
      return;
    }
    if (directive === 'endif') this.conditionals.pop();
    if (directive === 'else') top!.branch++;
    const stmt: Conditional = { ...this.base(body, line, last), type: 'conditional', directive, argument };
    this.statements.push(stmt);
    if (directive !== 'else' && directive !== 'endif') {
      this.conditionals.push({ id: this.nextConditionalId++, branch: 0, line, directive, span: body.span });
    }
  }

  private rule(parts: RuleParts, body: Word, line: number, last: number): void {
    pushAll(this.refs, variableRefs(body.text, body.span.start));
    if (parts.targets.length === 0) {
      this.problems.push({ message: 'rule without a target before `:` (make: "missing target")', span: body.span });
    }
    const rule: MakeRule = {
      ...this.base(body, line, last),
      type: 'rule',
      targets: parts.targets,
      prerequisites: parts.prerequisites,
      orderOnly: parts.orderOnly,
      doubleColon: parts.doubleColon,
      grouped: parts.grouped,
      ...(parts.staticPattern ? { staticPattern: parts.staticPattern } : {}),
      recipe: [],
      headerEndLine: last,
    };
    if (parts.inlineRecipe) {
      rule.recipe.push({ line, endLine: last, text: parts.inlineRecipe.text, span: parts.inlineRecipe.span, inline: true });
    }
    if (parts.targets.some((t) => t.text === '.ONESHELL')) this.oneShell = true;
    this.statements.push(rule);
    this.rules.push(rule);
    this.currentRule = rule;
    this.last = 'rule';
  }

  private addRecipeLine(line: number, last: number, textStart: number, badIndent?: Span): void {
    const rule = this.currentRule!;
    const end = this.lineEnd(last);
    const text = this.text.slice(textStart, end);
    const recipe: RecipeLine = { line, endLine: last, text, span: { start: textStart, end }, inline: false };
    if (badIndent) recipe.badIndent = badIndent;
    rule.recipe.push(recipe);
    rule.endLine = last;
    rule.span = { start: rule.span.start, end };
    pushAll(this.refs, variableRefs(text, textStart));
    this.last = 'recipe';
  }

  private define(parsed: Extract<LineParse, { kind: 'define' }>, body: Word, line: number): number {
    let depth = 1;
    let l = line + 1;
    for (; l <= this.lines.lineCount; l++) {
      const t = this.lines.lineText(l);
      if (ENDEF.test(t)) depth--;
      else if (DEFINE.test(t.trimStart())) depth++;
      if (depth === 0) break;
    }
    const closed = depth === 0;
    const endLine = Math.min(l, this.lines.lineCount);
    if (!closed) {
      this.problems.push({
        message: `\`define ${parsed.name.text}\` is never closed by \`endef\` (make: "missing 'endef', unterminated 'define'")`,
        span: body.span,
      });
    }
    const valueStart = line < this.lines.lineCount ? this.lineStart(line + 1) : this.lineEnd(line);
    const valueEnd = closed ? Math.max(valueStart, this.lineStart(endLine) - 1) : this.text.length;
    const assignment: Assignment = {
      startLine: line,
      endLine,
      span: { start: body.span.start, end: this.lineEnd(endLine) },
      conditions: this.conditionsNow(),
      type: 'assignment',
      name: parsed.name,
      op: parsed.op,
      value: { text: this.text.slice(valueStart, valueEnd), span: { start: valueStart, end: valueEnd } },
      modifiers: parsed.modifiers,
      define: true,
    };
    this.addAssignment(assignment);
    return endLine + 1;
  }
}

/**
 * Whether a space-indented line reads as make syntax someone indented on purpose: a conditional, a
 * directive (`include`, `export`, `define`), or an assignment written make-style with a space before
 * its operator (`  CFLAGS += -O2`). A shell-style `FOO=bar cmd` or a bare command is not.
 */
function isMakeSyntax(parsed: LineParse, text: string): boolean {
  switch (parsed.kind) {
    case 'conditional':
    case 'include':
    case 'directive':
    case 'define':
    case 'stray-endef':
      return true;
    case 'assignment':
      return parsed.modifiers.length > 0 || /\s/.test(text[parsed.name.span.end - parsed.name.span.start] ?? '');
    default:
      return false;
  }
}

/** Classifies one logical line (comment removed, trimmed) starting at file offset `base`. */
export function parseLine(s: string, base: number): LineParse {
  const { modifiers, rest } = leadingModifiers(s, 0);
  const assignment = matchAssignment(s, rest, base);
  if (assignment) return { kind: 'assignment', ...assignment, modifiers };
  const define = DEFINE.exec(s);
  if (define) {
    const after = define[0].length;
    const words = splitWords(s.slice(after), base + after);
    const name = words[0] ?? { text: '', span: { start: base + after, end: base + after } };
    const op = (words[1]?.text ?? '=') as AssignmentOp;
    return { kind: 'define', name, op: isAssignmentOp(op) ? op : '=', modifiers: define[1]!.split(/\s+/).filter(Boolean) };
  }
  if (/^endef(?=\s|$)/.test(s)) return { kind: 'stray-endef' };
  const conditional = CONDITIONAL.exec(s);
  if (conditional) {
    const after = conditional[0].length;
    return {
      kind: 'conditional',
      directive: conditional[1] as ConditionalDirective,
      argument: trimmed(s.slice(after), base + after),
    };
  }
  const include = INCLUDE.exec(s);
  if (include) {
    const after = include[0].length;
    return { kind: 'include', optional: include[1] !== 'include', files: splitWords(s.slice(after), base + after) };
  }
  const colon = findTopLevel(s, 0, (c) => c === ':');
  const directive = DIRECTIVE.exec(s);
  if (directive && (colon < 0 || directive[1] === 'vpath')) {
    const after = directive[0].length;
    const name = directive[1]!.replace(/^-/, '') as Directive['name'];
    return { kind: 'directive', name, args: splitWords(s.slice(after), base + after) };
  }
  if (colon >= 0) return parseRuleLine(s, base, colon);
  if (s.startsWith('$')) return { kind: 'expansion' };
  return { kind: 'invalid' };
}

function isAssignmentOp(op: string): op is AssignmentOp {
  return op === '=' || op === ':=' || op === '::=' || op === ':::=' || op === '?=' || op === '+=' || op === '!=';
}

function leadingModifiers(s: string, from: number): { modifiers: string[]; rest: number } {
  const modifiers: string[] = [];
  let rest = from;
  for (;;) {
    const m = /^\s*([a-z]+)\s+/.exec(s.slice(rest));
    if (!m || !MODIFIERS.has(m[1]!)) break;
    modifiers.push(m[1]!);
    rest += m[0].length;
  }
  return { modifiers, rest };
}

/** `NAME op value` starting at `from`, or undefined when the text is not an assignment. */
function matchAssignment(s: string, from: number, base: number): AssignmentParts | undefined {
  let nameEnd = -1;
  let op: AssignmentOp = '=';
  let j = from;
  for (; j < s.length; j++) {
    const c = s[j];
    if (c === '$') {
      j = skipReference(s, j) - 1;
      continue;
    }
    if (c === ';') return undefined;
    if (c === '=') {
      const p = j > from ? s[j - 1] : undefined;
      if (p === '?' || p === '+' || p === '!') {
        op = `${p}=` as AssignmentOp;
        nameEnd = j - 1;
      } else {
        nameEnd = j;
      }
      j += 1;
      break;
    }
    if (c === ':') {
      const found = [':::=', '::=', ':='].find((candidate) => s.startsWith(candidate, j));
      if (!found) return undefined;
      op = found as AssignmentOp;
      nameEnd = j;
      j += found.length;
      break;
    }
  }
  if (nameEnd < 0) return undefined;
  const name = trimmed(s.slice(from, nameEnd), base + from);
  if (name.text === '' || /\s/.test(withoutReferences(name.text))) return undefined;
  const value = trimmed(s.slice(j), base + j);
  return { name, op, value };
}

/**
 * `s` without its `$(…)` and `${…}` references, each cut at the first `)` or `}`: what
 * `s.replace(/\$[({][^)}]*[)}]/g, '')` gives. That regex rescans the rest of `s` from every `$(`
 * when no bracket closes them; here the first reference without one ends the search.
 */
function withoutReferences(s: string): string {
  const open = /\$[({]/g;
  const close = /[)}]/g;
  let out = '';
  let kept = 0;
  for (let m = open.exec(s); m; m = open.exec(s)) {
    close.lastIndex = m.index + 2;
    const end = close.exec(s);
    if (!end) break;
    out += s.slice(kept, m.index);
    kept = end.index + 1;
    open.lastIndex = kept;
  }
  return out + s.slice(kept);
}

function parseRuleLine(s: string, base: number, colon: number): LineParse {
  let targetText = s.slice(0, colon);
  let grouped = false;
  if (/&\s*$/.test(targetText)) {
    grouped = true;
    targetText = targetText.replace(/&\s*$/, '');
  }
  const targets = splitWords(targetText, base);
  const doubleColon = s[colon + 1] === ':';
  const restStart = colon + (doubleColon ? 2 : 1);
  const { modifiers, rest } = leadingModifiers(s, restStart);
  const targetVariable = matchAssignment(s, rest, base);
  if (targetVariable) return { kind: 'target-variable', targets, assignment: { ...targetVariable, modifiers } };

  const semicolon = findTopLevel(s, restStart, (c) => c === ';');
  const prereqEnd = semicolon >= 0 ? semicolon : s.length;
  const head = s.slice(0, prereqEnd);
  const second = findTopLevel(head, restStart, (c) => c === ':');
  let prereqStart = restStart;
  let staticPattern: RuleParts['staticPattern'];
  if (second >= 0) {
    staticPattern = { targetPattern: trimmed(s.slice(restStart, second), base + restStart) };
    prereqStart = second + 1;
  }
  const words = splitWords(s.slice(prereqStart, prereqEnd), base + prereqStart);
  const bar = words.findIndex((w) => w.text === '|');
  const rule: RuleParts = {
    targets,
    prerequisites: bar >= 0 ? words.slice(0, bar) : words,
    orderOnly: bar >= 0 ? words.slice(bar + 1) : [],
    doubleColon,
    grouped,
  };
  if (staticPattern) rule.staticPattern = staticPattern;
  if (semicolon >= 0) {
    let a = semicolon + 1;
    while (a < s.length && (s[a] === ' ' || s[a] === '\t')) a++;
    rule.inlineRecipe = { text: s.slice(a), span: { start: base + a, end: base + s.length } };
  }
  return { kind: 'rule', rule };
}
