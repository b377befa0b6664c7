/**
 * Dockerfile values. Nothing written here can contain a line break (a newline would end the
 * instruction and start another), and values the builder expands (`$VAR` in ENV, ARG, COPY,
 * WORKDIR …) are escaped or refused.
 */
import { assertPrintable, UnsafeValueError } from '../unsafe-value.js';

/** Exec form (`CMD ["python", "app.py"]`): a JSON array of strings, never run through a shell. */
export function dockerExecForm(what: string, words: readonly string[]): string {
  if (words.length === 0) throw new UnsafeValueError(what, '', 'must not be empty');
  for (const w of words) assertPrintable(what, w);
  return `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
}

const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** An ENV/ARG name. */
export function dockerEnvKey(what: string, key: string): string {
  if (!ENV_KEY.test(key)) throw new UnsafeValueError(what, key, 'is not a valid environment variable name');
  return key;
}

/**
 * An ENV/ARG value: unchanged when it holds only characters the builder passes through,
 * otherwise double-quoted with `\`, `"` and `$` escaped so no variable is expanded.
 */
export function dockerEnvValue(what: string, value: string): string {
  assertPrintable(what, value);
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `"${value.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

/** `KEY=value` for ENV. */
export function dockerEnvPair(what: string, key: string, value: string): string {
  return `${dockerEnvKey(what, key)}=${dockerEnvValue(`${what} ${key}`, value)}`;
}
