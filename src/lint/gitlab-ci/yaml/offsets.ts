/**
 * Map a position inside a scalar's VALUE to an offset in the file, so a finding can point inside
 * a value: at the bad token of a `rules:if` expression, at a word of a `script:` line.
 *
 * Exact for plain and quoted scalars (single and double quotes with escapes) and literal blocks
 * (`|`); for folded blocks (`>`) and multi-line plain or quoted scalars, lines are matched by
 * content, then the value is aligned with the source character by character (a folded line
 * break is the space it became, indentation is skipped, escapes map to their backslash); when
 * that fails too the scalar's start is returned.
 */
import type { YScalar } from './nodes.js';

/** File offset of the character at `index` of the scalar's string value (index may equal the length). */
export function valueOffset(scalar: YScalar, index: number): number {
  const table = offsetTable(scalar);
  if (!table) return scalar.span.start;
  if (index <= 0) return table[0] ?? scalar.span.start;
  if (index < table.length) return table[index]!;
  return table.length > 0 ? table[table.length - 1]! + 1 : scalar.span.start;
}

/** File span of [start, end) of the scalar's string value. */
export function valueSpan(scalar: YScalar, start: number, end: number): { start: number; end: number } {
  const from = valueOffset(scalar, start);
  const to = end > start ? valueOffset(scalar, end - 1) + 1 : from;
  return { start: from, end: Math.max(from, to) };
}

const cache = new WeakMap<YScalar, number[] | null>();

/** For each character of the value, its offset in the file; null when it cannot be computed. */
function offsetTable(scalar: YScalar): number[] | null {
  if (cache.has(scalar)) return cache.get(scalar)!;
  const value = typeof scalar.value === 'string' ? scalar.value : scalar.value === null ? '' : String(scalar.value);
  const source = scalar.file.text.slice(scalar.span.start, scalar.span.end);
  let table: number[] | null = null;
  switch (scalar.style) {
    case 'plain':
      table = plainTable(value, source, scalar.span.start);
      break;
    case 'single':
      table = singleTable(value, source, scalar.span.start);
      break;
    case 'double':
      table = doubleTable(value, source, scalar.span.start);
      break;
    case 'literal':
    case 'folded':
      table = blockTable(value, source, scalar.span.start);
      break;
  }
  if (table && table.length !== value.length) table = null;
  if (!table && scalar.style !== 'literal' && source.includes('\n')) table = alignTable(value, source, scalar.span.start, scalar.style);
  cache.set(scalar, table);
  return table;
}

function plainTable(value: string, source: string, base: number): number[] | null {
  if (source === value) return Array.from(value, (_, i) => base + i);
  return matchByLines(value, source, base);
}

function singleTable(value: string, source: string, base: number): number[] | null {
  if (!source.startsWith("'")) return null;
  if (source.includes('\n')) return matchByLines(value, source, base);
  const out: number[] = [];
  for (let i = 1; i < source.length - 1; i++) {
    out.push(base + i);
    if (source[i] === "'" && source[i + 1] === "'") i++;
  }
  return out;
}

function doubleTable(value: string, source: string, base: number): number[] | null {
  if (!source.startsWith('"')) return null;
  if (source.includes('\n')) return matchByLines(value, source, base);
  const out: number[] = [];
  for (let i = 1; i < source.length - 1; i++) {
    out.push(base + i);
    if (source[i] !== '\\') continue;
    const next = source[i + 1];
    if (next === 'x') i += 3;
    else if (next === 'u') i += 5;
    else if (next === 'U') {
      // An astral character is two UTF-16 units in the value.
      out.push(base + i);
      i += 9;
    } else i += 1;
  }
  return out;
}

/** Literal blocks: each value line is a source line minus the indentation. */
function blockTable(value: string, source: string, base: number): number[] | null {
  const firstBreak = source.indexOf('\n');
  if (firstBreak < 0) return null;
  return matchByLines(value, source.slice(firstBreak + 1), base + firstBreak + 1);
}

/**
 * Match the value's lines, in order, to source lines that contain them (after indentation).
 * Works for literal blocks and for values whose lines are copied verbatim.
 */
function matchByLines(value: string, source: string, base: number): number[] | null {
  const out: number[] = [];
  const valueLines = value.split('\n');
  let cursor = 0;
  for (let li = 0; li < valueLines.length; li++) {
    const line = valueLines[li]!;
    if (line.length === 0) {
      // An empty value line: point at the next source line break.
      const nl = source.indexOf('\n', cursor);
      if (li < valueLines.length - 1) out.push(base + (nl < 0 ? source.length : nl));
      cursor = nl < 0 ? source.length : nl + 1;
      continue;
    }
    const at = source.indexOf(line, cursor);
    if (at < 0) return null;
    for (let i = 0; i < line.length; i++) out.push(base + at + i);
    cursor = at + line.length;
    if (li < valueLines.length - 1) {
      const nl = source.indexOf('\n', cursor);
      out.push(base + (nl < 0 ? cursor : nl));
      cursor = nl < 0 ? source.length : nl + 1;
    }
  }
  return out;
}

/**
 * Folded and multi-line flow scalars: walk the value and the source together. A value character
 * equal to the source character maps to it; a space the folding made from a line break maps to
 * that line break; indentation, the line breaks folding removed, a block header and quotes are
 * skipped; an escape (`\n`, `\"`, `''`) maps to where it starts. Null when they cannot be aligned.
 */
function alignTable(value: string, source: string, base: number, style: YScalar['style']): number[] | null {
  let j = 0;
  // A folded block's lines are indented by the block's indentation, which is not content (more
  // indentation is); flow scalars drop all leading white space of their continuation lines.
  let indent = 0;
  if (style === 'folded') {
    const firstBreak = source.indexOf('\n');
    if (firstBreak < 0) return null;
    j = firstBreak + 1;
    indent = /^(?:[ \t]*\r?\n)*( *)/.exec(source.slice(j))![1]!.length;
  } else if (style === 'single' || style === 'double') {
    j = 1;
  }
  const out: number[] = [];
  for (let i = 0; i < value.length; ) {
    if (indent > 0 && source[j - 1] === '\n') {
      for (let k = 0; k < indent && source[j] === ' '; k++) j++;
    }
    if (j >= source.length) return null;
    const c = value[i]!;
    const s = source[j]!;
    if (style === 'double' && s === '\\') {
      const next = source[j + 1];
      if (next === '\n' || next === '\r') {
        // An escaped line break joins the lines: nothing in the value.
        j += 2;
        while (j < source.length && (source[j] === ' ' || source[j] === '\t' || source[j] === '\n' || source[j] === '\r')) j++;
        continue;
      }
      out.push(base + j);
      i++;
      if (next === 'U') {
        if (i < value.length) out.push(base + j);
        i++;
        j += 10;
      } else j += next === 'x' ? 4 : next === 'u' ? 6 : 2;
      continue;
    }
    if (style === 'single' && s === "'" && source[j + 1] === "'" && c === "'") {
      out.push(base + j);
      i++;
      j += 2;
      continue;
    }
    if (c === s) {
      out.push(base + j);
      i++;
      j++;
      continue;
    }
    if (c === ' ' && (s === '\n' || s === '\r')) {
      // A line break folded into a space.
      out.push(base + j);
      i++;
      j++;
      while (j < source.length && (source[j] === ' ' || source[j] === '\t' || source[j] === '\r' || source[j] === '\n')) {
        if (source[j] === '\n' && value[i] === '\n') break;
        j++;
      }
      continue;
    }
    if (s === ' ' || s === '\t' || s === '\n' || s === '\r') {
      j++;
      continue;
    }
    return null;
  }
  return out;
}
