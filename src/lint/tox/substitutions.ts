/**
 * tox's `{…}` substitutions in a setting value, with positions: `{env:NAME:default}`,
 * `{[section]key}`, `{posargs:default}`, `{tty:on:off}`, `{:}`/`{/}` and named values such as
 * `{tox_root}` or `{env_name}`. Nested substitutions (`{env:A:{env:B}}`) are read from the outside;
 * `\{` is a literal brace.
 */
import type { Span } from '../engine/types.js';

export type SubstitutionKind = 'env' | 'reference' | 'posargs' | 'tty' | 'separator' | 'named';

export interface Substitution {
  kind: SubstitutionKind;
  /** The whole `{…}` as written. */
  text: string;
  span: Span;
  /** `env`: the variable; `named`: the value's name (`tox_root`, `env_name`, …). */
  name?: string;
  /** `reference`: the section and key of `{[section]key}`. */
  section?: string;
  key?: string;
  /** Text after the second `:` of `env`, after the first of `posargs`. */
  fallback?: string;
}

/** Index of the `}` closing the `{` at `open`, counting nesting and skipping `\{`/`\}`; -1 when unclosed. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

function classify(inner: string): Omit<Substitution, 'text' | 'span'> {
  const reference = /^\[([^\]]*)\](.*)$/s.exec(inner);
  if (reference) return { kind: 'reference', section: reference[1]!, key: reference[2]! };
  if (inner === ':' || inner === '/') return { kind: 'separator' };
  const [head, ...rest] = inner.split(':');
  if (head === 'env' && rest.length > 0) {
    const out: Omit<Substitution, 'text' | 'span'> = { kind: 'env', name: rest[0]! };
    if (rest.length > 1) out.fallback = rest.slice(1).join(':');
    return out;
  }
  if (head === 'posargs') return rest.length > 0 ? { kind: 'posargs', fallback: rest.join(':') } : { kind: 'posargs' };
  if (head === 'tty') return { kind: 'tty' };
  return { kind: 'named', name: inner };
}

/** The top-level substitutions of a value line starting at file offset `base`. */
export function substitutionsIn(text: string, base: number): Substitution[] {
  const out: Substitution[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] !== '{') continue;
    const end = closing(text, i);
    if (end < 0) break;
    const whole = text.slice(i, end + 1);
    out.push({ ...classify(whole.slice(1, -1)), text: whole, span: { start: base + i, end: base + end + 1 } });
    i = end;
  }
  return out;
}
