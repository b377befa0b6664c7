/**
 * Variable substitution as BuildKit does it in FROM, ENV, ARG, WORKDIR, USER, COPY --from…: `$NAME`,
 * `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:+alt}`, `${NAME+alt}`, `${NAME:?msg}`, with
 * quote and escape removal. Every character of the result remembers where it came from, so a part of
 * the value (an image tag) can be reported at the `${TAG}` that produced it.
 */
import type { Span } from '../engine/types.js';

/** A run of the expanded value and its origin. */
export interface ExpansionPiece {
  /** [start, end) in the expanded value. */
  start: number;
  end: number;
  /** Where it is written: the literal characters, or the whole `${…}` reference. */
  span: Span;
  /** False for a variable with no known value (kept as written in the value). */
  known: boolean;
}

export interface Expansion {
  value: string;
  pieces: ExpansionPiece[];
  /** Variables referenced without a known value and without a default. */
  unresolved: string[];
  usesVariables: boolean;
}

/** A variable's value; undefined when it is not set or its value is unknown (a build argument). */
export type Lookup = (name: string) => string | undefined;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Expands `raw`, written in the file at `fileStart` (the raw text must be a verbatim slice of the file),
 * removing quotes and escapes as BuildKit's word processing does.
 */
export function expand(raw: string, fileStart: number, lookup: Lookup, escapeChar = '\\'): Expansion {
  const out = new Builder();
  expandInto(out, raw, 0, raw.length, fileStart, lookup, escapeChar, false);
  return { value: out.value, pieces: out.pieces, unresolved: out.unresolved, usesVariables: out.usesVariables };
}

class Builder {
  value = '';
  pieces: ExpansionPiece[] = [];
  unresolved: string[] = [];
  usesVariables = false;

  add(text: string, span: Span, known: boolean): void {
    if (text === '') return;
    const start = this.value.length;
    this.value += text;
    const last = this.pieces[this.pieces.length - 1];
    // Merge adjacent literal characters into one piece.
    const literal = (p: { start: number; end: number; span: Span }) => p.span.end - p.span.start === p.end - p.start;
    if (last && known && last.known && literal(last) && last.end === start && last.span.end === span.start && span.end - span.start === text.length) {
      last.end = this.value.length;
      last.span = { start: last.span.start, end: span.end };
      return;
    }
    this.pieces.push({ start, end: this.value.length, span, known });
  }
}

/** Deeper `${A:-${B:-…}}` nesting is left unexpanded (hostile input must not exhaust the stack). */
const MAX_DEPTH = 32;

function expandInto(out: Builder, raw: string, from: number, to: number, base: number, lookup: Lookup, esc: string, inDouble: boolean, depth = 0): void {
  if (depth > MAX_DEPTH) {
    out.add(raw.slice(from, to), { start: base + from, end: base + to }, false);
    return;
  }
  let i = from;
  let quote: "'" | '"' | undefined = inDouble ? '"' : undefined;
  while (i < to) {
    const c = raw[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else out.add(c, { start: base + i, end: base + i + 1 }, true);
      i++;
      continue;
    }
    if (c === esc && i + 1 < to) {
      const next = raw[i + 1]!;
      // In double quotes only a few characters are escapable; elsewhere any.
      if (quote === '"' && next !== '"' && next !== '$' && next !== esc) {
        out.add(c, { start: base + i, end: base + i + 1 }, true);
        i++;
      } else {
        out.add(next, { start: base + i, end: base + i + 2 }, true);
        i += 2;
      }
      continue;
    }
    if (c === "'" && quote === undefined) {
      quote = "'";
      i++;
      continue;
    }
    if (c === '"' && !inDouble) {
      quote = quote === '"' ? undefined : '"';
      i++;
      continue;
    }
    if (c === '$') {
      const consumed = expandReference(out, raw, i, to, base, lookup, esc, depth);
      if (consumed > 0) {
        i += consumed;
        continue;
      }
    }
    out.add(c, { start: base + i, end: base + i + 1 }, true);
    i++;
  }
}

/** Expands the reference at `raw[i] === '$'`; returns how many characters it used (0: a literal `$`). */
function expandReference(out: Builder, raw: string, i: number, to: number, base: number, lookup: Lookup, esc: string, depth: number): number {
  if (raw[i + 1] === '{') {
    const close = matchingBrace(raw, i + 2, to);
    if (close < 0) return 0;
    const inner = raw.slice(i + 2, close);
    const m = NAME.exec(inner);
    const span = { start: base + i, end: base + close + 1 };
    const written = raw.slice(i, close + 1);
    out.usesVariables = true;
    if (!m) {
      out.add(written, span, false);
      return close + 1 - i;
    }
    const name = m[0];
    const rest = inner.slice(name.length);
    const value = lookup(name);
    const op = /^(:?[-+?])/.exec(rest)?.[1];
    if (rest === '' || op === undefined) {
      if (rest === '' && value !== undefined) out.add(value, span, true);
      else {
        // No value, or an operator slipway does not evaluate (`${X#pat}`): unknown.
        out.add(written, span, false);
        if (rest === '' || value === undefined) out.unresolved.push(name);
      }
      return close + 1 - i;
    }
    const wordStart = i + 2 + name.length + op.length;
    const colon = op.startsWith(':');
    const set = colon ? value !== undefined && value !== '' : value !== undefined;
    switch (op.slice(-1)) {
      case '-':
        if (set) out.add(value!, span, true);
        else expandInto(out, raw, wordStart, close, base, lookup, esc, false, depth + 1);
        break;
      case '+':
        if (set) expandInto(out, raw, wordStart, close, base, lookup, esc, false, depth + 1);
        else if (value === undefined) {
          out.add(written, span, false);
          out.unresolved.push(name);
        }
        break;
      default: // '?'
        if (value !== undefined) out.add(value, span, true);
        else {
          out.add(written, span, false);
          out.unresolved.push(name);
        }
    }
    return close + 1 - i;
  }
  const m = NAME.exec(raw.slice(i + 1, to));
  if (!m) return 0;
  const name = m[0];
  const span = { start: base + i, end: base + i + 1 + name.length };
  out.usesVariables = true;
  const value = lookup(name);
  if (value !== undefined) out.add(value, span, true);
  else {
    out.add(raw.slice(i, i + 1 + name.length), span, false);
    out.unresolved.push(name);
  }
  return 1 + name.length;
}

function matchingBrace(raw: string, from: number, to: number): number {
  let depth = 1;
  for (let i = from; i < to; i++) {
    if (raw[i] === '{') depth++;
    else if (raw[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The file span of the characters [start, end) of an expanded value. */
export function spanOfRange(pieces: readonly ExpansionPiece[], start: number, end: number, fallback: Span): Span {
  let s: number | undefined;
  let e: number | undefined;
  for (const p of pieces) {
    if (p.end <= start || p.start >= end) continue;
    // A literal piece maps character by character; a variable piece maps as a whole.
    const literal = p.known && p.span.end - p.span.start === p.end - p.start;
    const ps = literal ? p.span.start + Math.max(0, start - p.start) : p.span.start;
    const pe = literal ? p.span.end - Math.max(0, p.end - end) : p.span.end;
    s = s === undefined ? ps : Math.min(s, ps);
    e = e === undefined ? pe : Math.max(e, pe);
  }
  return s === undefined || e === undefined ? fallback : { start: s, end: e };
}

/** True when [start, end) of an expanded value contains only known characters. */
export function isKnownRange(pieces: readonly ExpansionPiece[], start: number, end: number): boolean {
  return pieces.every((p) => p.end <= start || p.start >= end || p.known);
}
