/**
 * Matching that a single regular expression can only do in quadratic time, done in linear time.
 *
 * A backtracking engine (V8's) retries a failed match from every later start position. Patterns
 * such as `/#.*$/` or `/=\s*\[([^\]]*)\]/` run from each start to the end of the text (or to the
 * next line break) before they fail, so a text with many starts and no ending is quadratic: a
 * megabyte line of `$($($(` keeps a lint run busy for minutes. These helpers find the same matches
 * but never scan the same stretch from two starts. test/robustness/regex-backtracking.test.ts checks
 * every regular expression in src/ for this.
 */

/** Whether `c` ends a line for `.` and `$` (without the `s` and `m` flags): `\n`, `\r`, U+2028, U+2029. */
function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** The index just past the last line break of `text` (0 when there is none): where `.*$` can start. */
export function afterLastLineBreak(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (isLineBreak(text.charCodeAt(i))) return i + 1;
  return 0;
}

/**
 * The first match of `head` (which must have the `g` flag) that the rest of the text follows
 * without a line break: what `new RegExp(head.source + '.*$')` finds (no `m`, no `s` flag), with
 * the rest of the text as `.*`. Exact when `head` has one way to match at a position and two of
 * its matches cannot overlap, which holds for the heads slipway passes (a `#` with what precedes
 * it, `pip install`).
 */
export function matchThenRestOfText(head: RegExp, text: string): { match: RegExpExecArray; rest: string } | undefined {
  const from = afterLastLineBreak(text);
  head.lastIndex = 0;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const end = m.index + m[0].length;
    if (end >= from) return { match: m, rest: text.slice(end) };
    if (m[0] === '') head.lastIndex++;
  }
  return undefined;
}

/**
 * The texts of `[...]` lists that follow matches of `head` (which must have the `g` flag and end
 * just after the `[`), each up to the first `]`: what `new RegExp(head.source + '([^\\]]*)\\]', 'g')`
 * captures. Once a list has no `]` after it, no later list has one either, so the search stops
 * there instead of scanning the rest of the text again from every later head.
 */
export function bracketLists(head: RegExp, text: string): string[] {
  const lists: string[] = [];
  head.lastIndex = 0;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const start = m.index + m[0].length;
    const close = text.indexOf(']', start);
    if (close < 0) break;
    lists.push(text.slice(start, close));
    head.lastIndex = close + 1;
  }
  return lists;
}
