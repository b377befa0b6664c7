import { InputError } from '../cli/errors.js';

/**
 * A descriptor value that cannot be written safely into a generated file (a newline in a
 * Dockerfile line, an option-looking package name, a `$` in a COPY path …). Reported like any
 * other bad input: one line, exit status 2, and nothing is written.
 */
export class UnsafeValueError extends InputError {
  constructor(
    /** The descriptor path of the value (`image.copy[0]`), or what it is (`a command`). */
    readonly what: string,
    readonly value: string,
    why: string,
  ) {
    super(`${what} ${JSON.stringify(value)} ${why}`);
  }
}

/** Refuses values containing a line break (LF, CR, and the Unicode line/paragraph separators). */
export function assertSingleLine(what: string, value: string): string {
  if (/[\n\r\u0085\u2028\u2029]/.test(value)) throw new UnsafeValueError(what, value, 'must be a single line');
  return value;
}

/** Refuses control characters (NUL, escape sequences …) which no generated file should ever contain. */
export function assertPrintable(what: string, value: string): string {
  assertSingleLine(what, value);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff]/.test(value)) throw new UnsafeValueError(what, value, 'contains a control character');
  return value;
}
