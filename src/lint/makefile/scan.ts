/**
 * Character-level helpers for make syntax: variable references, words, comments.
 *
 * Every function works on a slice of the file (`s`) and takes `base`, the offset of `s[0]` in
 * the file, so that the spans it returns are file offsets. A backslash before a line break
 * (a continuation) counts as whitespace, as make collapses it to one space.
 */
import type { Span } from '../engine/types.js';

/** A whitespace-separated word of make text with its file span. */
export interface Word {
  text: string;
  span: Span;
}

const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t' || isBreak(c);

/** True when `s[i]` is a backslash that continues the line. */
export function isContinuationAt(s: string, i: number): boolean {
  return s[i] === '\\' && isBreak(s[i + 1]);
}

/** True when position `i` is whitespace, counting a continuation backslash as whitespace. */
export function isSpaceAt(s: string, i: number): boolean {
  return isBlank(s[i]) || isContinuationAt(s, i);
}

/**
 * Index just after the variable reference or function call starting at `s[i] === '$'`:
 * `$$`, `$X`, `$(…)` or `${…}` (nesting counted on the same bracket kind, as make does).
 * An unterminated reference runs to the end of `s`.
 */
export function skipReference(s: string, i: number): number {
  const open = s[i + 1];
  if (open !== '(' && open !== '{') return Math.min(i + 2, s.length);
  const close = open === '(' ? ')' : '}';
  let depth = 0;
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j];
    if (c === open) depth++;
    else if (c === close && --depth === 0) return j + 1;
  }
  return s.length;
}

/** Index of the first character at top level (outside `$(…)`) for which `pred` holds, or -1. */
export function findTopLevel(s: string, from: number, pred: (c: string, i: number) => boolean): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '$') {
      i = skipReference(s, i) - 1;
      continue;
    }
    if (pred(s[i]!, i)) return i;
  }
  return -1;
}

/**
 * Index where a make comment starts in a non-recipe line, or -1. `\#` is a literal `#`, and a `#`
 * inside a variable reference or function call is literal too.
 */
export function commentStart(s: string): number {
  return findTopLevel(s, 0, (c, i) => c === '#' && !isEscaped(s, i));
}

function isEscaped(s: string, i: number): boolean {
  let n = 0;
  for (let j = i - 1; j >= 0 && s[j] === '\\'; j--) n++;
  return n % 2 === 1;
}

/** Splits make text into words; references like `$(foo bar)` stay inside one word. */
export function splitWords(s: string, base: number): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && isSpaceAt(s, i)) i++;
    if (i >= s.length) break;
    const start = i;
    while (i < s.length && !isSpaceAt(s, i)) {
      i = s[i] === '$' ? skipReference(s, i) : i + 1;
    }
    words.push({ text: s.slice(start, i), span: { start: base + start, end: base + i } });
  }
  return words;
}

/** Trims whitespace (and continuations) from both ends of a slice, keeping the file span. */
export function trimmed(s: string, base: number): Word {
  let a = 0;
  let b = s.length;
  while (a < b && isSpaceAt(s, a)) a++;
  while (b > a && (isBlank(s[b - 1]) || (s[b - 1] === '\\' && b === s.length))) b--;
  return { text: s.slice(a, b), span: { start: base + a, end: base + b } };
}

/** Whether a line ends in a continuation: an odd number of trailing backslashes. */
export function endsWithContinuation(line: string): boolean {
  let n = 0;
  for (let j = line.length - 1; j >= 0 && line[j] === '\\'; j--) n++;
  return n % 2 === 1;
}

/** One variable reference (`$(NAME)`, `${NAME}`, `$N`) or function call (`$(shell …)`). */
export interface VariableRef {
  /** Variable name, or the function name for a call. */
  name: string;
  /** Span of the name inside the reference. */
  span: Span;
  kind: 'variable' | 'function' | 'automatic';
}

/** GNU make's built-in functions, as of make 4.4. */
export const MAKE_FUNCTIONS: ReadonlySet<string> = new Set([
  'abspath', 'addprefix', 'addsuffix', 'and', 'basename', 'call', 'dir', 'error', 'eval', 'file', 'filter',
  'filter-out', 'findstring', 'firstword', 'flavor', 'foreach', 'guile', 'if', 'info', 'intcmp', 'join',
  'lastword', 'let', 'notdir', 'or', 'origin', 'patsubst', 'realpath', 'shell', 'sort', 'strip', 'subst',
  'suffix', 'value', 'warning', 'wildcard', 'word', 'wordlist', 'words',
]);

const AUTOMATIC = new Set(['@', '<', '^', '+', '?', '*', '%', '|']);

/** Every reference in `s`, including references nested in function arguments. */
export function variableRefs(s: string, base: number): VariableRef[] {
  const refs: VariableRef[] = [];
  collectRefs(s, 0, s.length, base, refs);
  return refs;
}

function collectRefs(s: string, from: number, to: number, base: number, out: VariableRef[]): void {
  for (let i = from; i < to; i++) {
    if (s[i] !== '$') continue;
    const open = s[i + 1];
    if (open === '$') {
      i++;
      continue;
    }
    if (open === undefined || i + 1 >= to) break;
    if (open !== '(' && open !== '{') {
      out.push({
        name: open,
        span: { start: base + i + 1, end: base + i + 2 },
        kind: AUTOMATIC.has(open) ? 'automatic' : 'variable',
      });
      i++;
      continue;
    }
    const end = Math.min(skipReference(s, i), to);
    const innerStart = i + 2;
    const innerEnd = s[end - 1] === (open === '(' ? ')' : '}') ? end - 1 : end;
    let k = innerStart;
    while (k < innerEnd && !isBlank(s[k]) && s[k] !== ':' && s[k] !== '$' && s[k] !== ',') k++;
    const name = s.slice(innerStart, k);
    if (name && MAKE_FUNCTIONS.has(name) && isBlank(s[k])) {
      out.push({ name, span: { start: base + innerStart, end: base + k }, kind: 'function' });
    } else if (name && k < innerEnd && s[k] === '$') {
      // A computed name such as $(FOO_$(BAR)): not a plain variable.
    } else if (name) {
      const automatic = (name.length === 2 && AUTOMATIC.has(name[0]!) && (name[1] === 'D' || name[1] === 'F')) ||
        AUTOMATIC.has(name);
      out.push({ name, span: { start: base + innerStart, end: base + k }, kind: automatic ? 'automatic' : 'variable' });
    }
    collectRefs(s, k, innerEnd, base, out);
    i = end - 1;
  }
}
