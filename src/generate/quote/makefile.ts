/** Makefile values and recipe lines: `$` doubled, `#` escaped, one line only. */
import { assertPrintable, UnsafeValueError } from '../unsafe-value.js';
import { shellJoin } from './shell.js';

/** A recipe command running exactly `words` (shell-quoted, then `$` doubled for make). */
export function makeRecipeWords(what: string, words: readonly string[]): string {
  for (const w of words) assertPrintable(what, w);
  return shellJoin(words).replace(/\$/g, '$$$$');
}

/** The right-hand side of `VAR ?= value`. */
export function makeVariableValue(what: string, value: string): string {
  assertPrintable(what, value);
  if (value !== value.trim() || value === '') throw new UnsafeValueError(what, value, 'must not be empty or start or end with a blank');
  if (value.endsWith('\\')) throw new UnsafeValueError(what, value, 'must not end with a backslash');
  return value.replace(/\$/g, '$$$$').replace(/#/g, '\\#');
}
