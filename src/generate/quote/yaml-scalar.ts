/**
 * YAML scalars that read back as exactly the given string, whatever it contains: plain when
 * that is unambiguous (in both YAML 1.1 and 1.2), double-quoted with escapes otherwise. The
 * result is always a single line, so it can never start a new key or list item.
 */

/** Plain scalars that a YAML 1.1 or 1.2 reader would turn into a non-string. */
const NON_STRING = [
  /^(?:~|null|Null|NULL)$/,
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$/, // ints, floats, 1.2e3, 1_000
  /^[-+]?0(?:x[0-9a-fA-F_]+|o?[0-7_]+|b[01_]+)$/, // hex, octal, binary
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/, // sexagesimal (1.1)
  /^[-+]?\.(?:inf|Inf|INF)$/,
  /^\.(?:nan|NaN|NAN)$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/, // timestamps
  /^(?:=|<<)$/, // value / merge keys
];

/** Characters a plain scalar may contain anywhere (no indicators, no quotes, no spaces). */
const PLAIN = /^[A-Za-z0-9_$/.+=()^~-][A-Za-z0-9_$/.@+=()%^~:;!?'"*&|<>\\ -]*$/;

/** Whether `value` can be written as a plain scalar and read back unchanged as a string. */
export function isSafePlainScalar(value: string): boolean {
  if (value === '' || !PLAIN.test(value)) return false;
  if (NON_STRING.some((re) => re.test(value))) return false;
  if (/^[-?:]/.test(value) && (value.length === 1 || value[1] === ' ')) return false; // "- ", "? ", ": "
  if (/: |:$| #|\s$|^\s/.test(value)) return false; // a key, a comment, trailing/leading blanks
  return true;
}

/** Escapes a string as a YAML double-quoted scalar (valid JSON as well). */
export function yamlDoubleQuoted(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (isPrintable(code)) out += ch;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** YAML 1.2's printable set, minus the characters some readers treat as line breaks. */
function isPrintable(code: number): boolean {
  if (code === 0x85 || code === 0x2028 || code === 0x2029 || code === 0xfeff) return false;
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** A YAML scalar for `value`: plain when safe, double-quoted otherwise. Numbers and booleans stay typed. */
export function yamlScalar(value: string | number | boolean): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  return isSafePlainScalar(value) ? value : yamlDoubleQuoted(value);
}

/** A one-line YAML flow sequence of strings, each element quoted as needed. */
export function yamlFlowSequence(values: readonly string[]): string {
  return `[${values.map((v) => (isSafePlainScalar(v) ? v : yamlDoubleQuoted(v))).join(', ')}]`;
}
