/** tox.ini values: tox expands `{…}`, strips `#` comments and reads `\` escapes, so those are refused. */
import { assertPrintable, UnsafeValueError } from '../unsafe-value.js';
import { shellJoin } from './shell.js';

function assertToxSafe(what: string, value: string): string {
  assertPrintable(what, value);
  if (/[{}#\\]/.test(value)) throw new UnsafeValueError(what, value, 'cannot be written to tox.ini (it contains {, }, # or \\)');
  return value;
}

/** A tox `commands` line running exactly `words` (tox splits it like a POSIX shell). */
export function toxCommand(what: string, words: readonly string[]): string {
  for (const w of words) assertToxSafe(what, w);
  return shellJoin(words);
}

/** A single-line INI value. */
export function toxValue(what: string, value: string): string {
  return assertToxSafe(what, value);
}
