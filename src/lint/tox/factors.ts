/**
 * tox's generative names with positions: `py{310,311}-django{42,50}` in `envlist`, in
 * `[testenv:…]` section names and in factor conditions (`py311,!pypy3-lint: …`).
 *
 * Follows tox 4 (tox/config/loader/ini/factor.py): an expression is split on commas outside
 * braces; each `{a,b}` group multiplies the names; whitespace inside an expression is dropped;
 * `{3-5}` is the numeric range 3,4,5 (descending too); a name splits into factors on `-`.
 * Every character of a produced name remembers the offset it came from, so a factor can be
 * reported where it is written (for `py{38,39}`, the `38` and the `39`).
 */
import type { Span } from '../engine/types.js';

export interface Factor {
  name: string;
  /** Written as `!name` in a condition. */
  negated: boolean;
  /** Where to report the factor: its characters, or the brace alternative it came from. */
  span: Span;
}

export interface GeneratedName {
  name: string;
  factors: Factor[];
  /** The whole comma-separated expression that produced the name. */
  expression: Span;
}

export interface ExpansionIssue {
  message: string;
  span: Span;
}

interface Choice {
  text: string;
  /** Source offset of each character of `text`. */
  offsets: number[];
  /** The brace alternative the text came from, if any. */
  alternative?: Span;
}

/**
 * Expands one line of generative names starting at file offset `base`. Returns the names and
 * the things tox would silently get wrong (unbalanced braces, empty factors, spaces).
 */
export function expandNames(text: string, base: number): { names: GeneratedName[]; issues: ExpansionIssue[] } {
  const names: GeneratedName[] = [];
  const issues: ExpansionIssue[] = [];
  for (const expr of splitTopLevelCommas(text)) {
    const trimmedStart = expr.start + (expr.text.length - expr.text.trimStart().length);
    const body = expr.text.trim();
    if (body === '') continue;
    const span = { start: base + trimmedStart, end: base + trimmedStart + body.length };
    checkBraces(body, span.start, issues);
    const inner = /\S\s+\S/.exec(body.replace(/\{[^{}]*\}/g, (m) => m.replace(/\s/g, '_')));
    if (inner) {
      issues.push({
        message: `\`${body}\` contains a space; tox drops spaces inside a name, so this is one env \`${body.replace(/\s+/g, '')}\` — separate env names with commas or new lines`,
        span,
      });
    }
    for (const choices of product(segments(body, span.start))) names.push(toName(choices, span));
  }
  for (const n of names) {
    if (n.factors.some((f) => f.name === '')) {
      issues.push({ message: `env \`${n.name}\` has an empty factor (\`--\` or a \`-\` at an end)`, span: n.expression });
    }
  }
  return { names, issues: dedupeIssues(issues) };
}

function dedupeIssues(issues: ExpansionIssue[]): ExpansionIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.span.start}:${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function splitTopLevelCommas(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if ((c === ',' && depth === 0) || c === undefined) {
      out.push({ text: text.slice(start, i), start });
      start = i + 1;
    }
  }
  return out;
}

function checkBraces(body: string, base: number, issues: ExpansionIssue[]): void {
  let open = -1;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') {
      if (open >= 0) issues.push({ message: 'nested `{` inside a brace group; tox does not nest groups', span: { start: base + i, end: base + i + 1 } });
      open = i;
    } else if (body[i] === '}') {
      if (open < 0) issues.push({ message: '`}` without a matching `{`', span: { start: base + i, end: base + i + 1 } });
      else if (i === open + 1) issues.push({ message: 'empty `{}` group; tox keeps it literally in the name', span: { start: base + open, end: base + i + 1 } });
      open = -1;
    }
  }
  if (open >= 0) issues.push({ message: '`{` is never closed; tox splits the group at its commas into separate, wrong names', span: { start: base + open, end: base + body.length } });
}

/** The literal and brace parts of an expression, each as its list of choices. */
function segments(body: string, base: number): Choice[][] {
  const out: Choice[][] = [];
  const re = /\{([^{}]+)\}/g;
  let last = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m.index > last) out.push([literal(body.slice(last, m.index), base + last)]);
    out.push(alternatives(m[1]!, base + m.index + 1));
    last = m.index + m[0].length;
  }
  if (last < body.length) out.push([literal(body.slice(last), base + last)]);
  return out;
}

function literal(text: string, base: number): Choice {
  const kept: Choice = { text: '', offsets: [] };
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    kept.text += text[i];
    kept.offsets.push(base + i);
  }
  return kept;
}

function alternatives(inside: string, base: number): Choice[] {
  const out: Choice[] = [];
  let start = 0;
  for (const part of inside.split(',')) {
    const partBase = base + start;
    start += part.length + 1;
    const lead = part.length - part.trimStart().length;
    const span = { start: partBase + lead, end: partBase + part.trimEnd().length };
    const range = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(part);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      const step = from <= to ? 1 : -1;
      for (let n = from; step > 0 ? n <= to : n >= to; n += step) {
        const text = String(n);
        out.push({ text, offsets: [...text].map(() => span.start), alternative: span });
      }
      continue;
    }
    out.push({ ...literal(part, partBase), alternative: span });
  }
  return out;
}

function* product(segs: Choice[][], i = 0, acc: Choice[] = []): Generator<Choice[]> {
  if (i === segs.length) {
    yield acc;
    return;
  }
  for (const choice of segs[i]!) yield* product(segs, i + 1, [...acc, choice]);
}

function toName(choices: Choice[], expression: Span): GeneratedName {
  const name = choices.map((c) => c.text).join('');
  const chars: { offset: number; alternative?: Span }[] = choices.flatMap((c) =>
    c.offsets.map((offset) => (c.alternative ? { offset, alternative: c.alternative } : { offset })),
  );
  const factors: Factor[] = [];
  let from = 0;
  for (const part of name.split('-')) {
    const own = chars.slice(from, from + part.length);
    from += part.length + 1;
    const negated = part.startsWith('!');
    factors.push({ name: negated ? part.slice(1) : part, negated, span: factorSpan(own, expression) });
  }
  return { name, factors, expression };
}

/** The brace alternative the factor's last characters came from, else the span of its characters. */
function factorSpan(chars: { offset: number; alternative?: Span }[], expression: Span): Span {
  if (chars.length === 0) return expression;
  const fromAlternative = [...chars].reverse().find((c) => c.alternative)?.alternative;
  const mixed = chars.some((c) => !c.alternative);
  if (fromAlternative && (mixed || chars.every((c) => c.alternative === fromAlternative))) return fromAlternative;
  return { start: chars[0]!.offset, end: chars[chars.length - 1]!.offset + 1 };
}

/** A setting line conditioned on factors: `py311,!pypy3-lint: value`. */
export interface FactorCondition {
  /** The expression before `:`. */
  expression: string;
  span: Span;
  /** Alternatives (any may match); each is a list of factors that must all match. */
  alternatives: GeneratedName[];
  /** What the line sets when the condition holds. */
  content: string;
}

/** tox's pattern for a conditional line (`^((?P<factor_expr>[\w{}.!,-]+):\s+)?(?P<content>.*?)$`). */
const CONDITION = /^([\w{}.!,-]+):\s+(\S.*|)$/;

/** The factor condition a value line starts with, if any. */
export function parseCondition(text: string, base: number): FactorCondition | undefined {
  const m = CONDITION.exec(text);
  if (!m) return undefined;
  const expression = m[1]!;
  return {
    expression,
    span: { start: base, end: base + expression.length },
    alternatives: expandNames(expression, base).names,
    content: m[2]!,
  };
}
