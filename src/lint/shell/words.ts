/** Quote removal for shell words, done on the raw text so it works the same for every word shape. */

const NAME_START = /[A-Za-z_0-9@*#?$!{(-]/;

/**
 * The value of a shell word after quote and escape removal, or `undefined` when any part of it is
 * expanded at run time (`$VAR`, `${…}`, `$(…)`, `$((…))`, `` `…` ``). A `$` that starts no expansion
 * (`a$`, `'$x'`) is literal, as in the shell. Globs and `~` are kept as written.
 */
export function unquoteWord(raw: string): string | undefined {
  let out = '';
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const c = raw[i]!;
    if (c === '\\') {
      if (i + 1 < n) {
        if (raw[i + 1] !== '\n') out += raw[i + 1];
        i += 2;
      } else {
        out += c;
        i++;
      }
    } else if (c === "'") {
      const close = raw.indexOf("'", i + 1);
      if (close < 0) return undefined;
      out += raw.slice(i + 1, close);
      i = close + 1;
    } else if (c === '"') {
      const r = readDoubleQuoted(raw, i + 1);
      if (r === undefined) return undefined;
      out += r.value;
      i = r.end;
    } else if (c === '$') {
      const next = raw[i + 1];
      if (next === "'") {
        const r = readAnsiC(raw, i + 2);
        if (r === undefined) return undefined;
        out += r.value;
        i = r.end;
      } else if (next === '"') {
        // $"…" (locale translation) behaves as "…" here.
        const r = readDoubleQuoted(raw, i + 2);
        if (r === undefined) return undefined;
        out += r.value;
        i = r.end;
      } else if (next !== undefined && NAME_START.test(next)) {
        return undefined;
      } else {
        out += c;
        i++;
      }
    } else if (c === '`') {
      return undefined;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Reads a double-quoted string body from `start` (after the quote); undefined if it expands anything. */
function readDoubleQuoted(raw: string, start: number): { value: string; end: number } | undefined {
  let out = '';
  let i = start;
  while (i < raw.length) {
    const c = raw[i]!;
    if (c === '"') return { value: out, end: i + 1 };
    if (c === '\\') {
      const next = raw[i + 1];
      if (next === '"' || next === '\\' || next === '$' || next === '`') {
        out += next;
        i += 2;
      } else if (next === '\n') {
        i += 2;
      } else {
        out += c;
        i++;
      }
    } else if (c === '`') {
      return undefined;
    } else if (c === '$' && raw[i + 1] !== undefined && NAME_START.test(raw[i + 1]!)) {
      return undefined;
    } else {
      out += c;
      i++;
    }
  }
  return undefined; // unterminated
}

const ANSI_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** Reads a `$'…'` body from `start` (after `$'`). Numeric escapes are decoded as their characters. */
function readAnsiC(raw: string, start: number): { value: string; end: number } | undefined {
  let out = '';
  let i = start;
  while (i < raw.length) {
    const c = raw[i]!;
    if (c === "'") return { value: out, end: i + 1 };
    if (c === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1]!;
      const simple = ANSI_ESCAPES[next];
      if (simple !== undefined) {
        out += simple;
        i += 2;
        continue;
      }
      const hex = /^x([0-9A-Fa-f]{1,2})/.exec(raw.slice(i + 1, i + 4));
      if (hex) {
        out += String.fromCharCode(parseInt(hex[1]!, 16));
        i += 1 + hex[0].length;
        continue;
      }
      const oct = /^[0-7]{1,3}/.exec(raw.slice(i + 1, i + 4));
      if (oct) {
        out += String.fromCharCode(parseInt(oct[0], 8));
        i += 1 + oct[0].length;
        continue;
      }
      out += c + next;
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return undefined;
}

/** Base name of a program path: `/usr/bin/apt-get` → `apt-get`. */
export function programName(value: string): string {
  const slash = value.lastIndexOf('/');
  return slash >= 0 ? value.slice(slash + 1) : value;
}
