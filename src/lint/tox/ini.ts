/**
 * An INI parser with positions that reads a file the way Python's `configparser` does for tox
 * (`ConfigParser(interpolation=None)`, strict): `#`/`;` full-line comments anywhere, values
 * continued by lines indented deeper than their key (blank lines inside a value kept), `=` or
 * `:` as delimiter (the first one), keys case-insensitive, section names case-sensitive.
 *
 * What configparser refuses becomes a problem: a line before any section, a line that is neither
 * a section, a key, a continuation nor a comment, a duplicate section. Duplicate keys (also fatal
 * for tox) are kept and left to the `tox/duplicate-key` rule.
 */
import { LineIndex } from '../../util/text.js';
import type { ParseProblem } from '../engine/kind.js';
import type { Span } from '../engine/types.js';

/** One physical line of a value, stripped as configparser strips it. */
export interface IniValueLine {
  line: number;
  /** The line's text without surrounding whitespace (empty for a blank line inside the value). */
  text: string;
  span: Span;
}

export interface IniEntry {
  /** The key as written. */
  key: string;
  /** The key as configparser stores it (lower case). */
  name: string;
  keySpan: Span;
  delimiter: '=' | ':';
  /** The text after the delimiter, then each continuation line; comment lines are left out. */
  lines: IniValueLine[];
  /** configparser's value: the lines joined with `\n`, trailing blank lines dropped. */
  value: string;
  line: number;
  endLine: number;
  /** From the key to the end of the last value line. */
  span: Span;
}

export interface IniSection {
  name: string;
  /** Span of the name between the brackets. */
  nameSpan: Span;
  /** Span of the whole `[name]` header. */
  headerSpan: Span;
  line: number;
  /** Last line that belongs to the section (its last entry or the header). */
  endLine: number;
  entries: IniEntry[];
}

export interface IniDoc {
  text: string;
  lines: LineIndex;
  sections: IniSection[];
}

const COMMENT = /^\s*[#;]/;
const SECTION = /^\[(.+)\]/;
const OPTION = /^(|[^=:]*[^=:\s])\s*([=:])\s*(?!\s)(.*)$/;

export function parseIni(text: string): { doc: IniDoc; problems: ParseProblem[] } {
  const lines = new LineIndex(text);
  const sections: IniSection[] = [];
  const problems: ParseProblem[] = [];
  const seen = new Map<string, IniSection>();
  let section: IniSection | undefined;
  let entry: IniEntry | undefined;
  let indentLevel = 0;

  for (let line = 1; line <= lines.lineCount; line++) {
    const raw = lines.lineText(line);
    const start = lines.starts[line - 1]!;
    if (COMMENT.test(raw)) continue;
    const value = raw.trim();
    const indent = raw.length - raw.trimStart().length;
    const at: Span = { start: start + indent, end: start + indent + value.length };
    if (value === '') {
      if (entry) entry.lines.push({ line, text: '', span: { start, end: start } });
      continue;
    }
    if (section && entry && indent > indentLevel) {
      entry.lines.push({ line, text: value, span: at });
      continue;
    }
    indentLevel = indent;
    if (entry) finishEntry(entry);
    entry = undefined;
    const header = SECTION.exec(value);
    if (header) {
      const name = header[1]!;
      const nameStart = at.start + 1;
      const next: IniSection = {
        name,
        nameSpan: { start: nameStart, end: nameStart + name.length },
        headerSpan: { start: at.start, end: at.start + header[0].length },
        line,
        endLine: line,
        entries: [],
      };
      const earlier = seen.get(name);
      if (earlier) {
        problems.push({
          message: `section [${name}] already appears at line ${earlier.line}; configparser (and so tox) stops with DuplicateSectionError — merge the two`,
          span: next.headerSpan,
        });
        section = earlier;
      } else {
        seen.set(name, next);
        sections.push(next);
        section = next;
      }
      continue;
    }
    if (!section) {
      problems.push({
        message: 'text before the first [section] header; configparser (and so tox) stops with MissingSectionHeaderError',
        span: at,
      });
      return { doc: { text, lines, sections }, problems };
    }
    const option = OPTION.exec(value);
    if (!option || option[1] === '') {
      problems.push({ message: describeBadLine(value, option !== null), span: at });
      continue;
    }
    const key = option[1]!;
    const valueText = option[3]!;
    const valueStart = at.start + value.length - valueText.length;
    entry = {
      key,
      name: key.toLowerCase(),
      keySpan: { start: at.start, end: at.start + key.length },
      delimiter: option[2] as '=' | ':',
      lines: [{ line, text: valueText, span: { start: valueStart, end: valueStart + valueText.length } }],
      value: '',
      line,
      endLine: line,
      span: at,
    };
    section.entries.push(entry);
  }
  if (entry) finishEntry(entry);
  for (const s of sections) s.endLine = Math.max(s.line, ...s.entries.map((e) => e.endLine));
  return { doc: { text, lines, sections }, problems };
}

function describeBadLine(value: string, emptyKey: boolean): string {
  if (emptyKey) return `\`${value}\` has no key before its \`=\`/\`:\`; configparser (and so tox) rejects the file`;
  if (value.startsWith('[')) return `section header \`${value}\` has no closing \`]\`; configparser (and so tox) rejects the file`;
  return (
    `\`${value}\` is neither a [section], a \`key = value\` line, a comment nor an indented continuation; ` +
    'configparser (and so tox) rejects the file — indent it to continue the previous value, or add `=`'
  );
}

function finishEntry(entry: IniEntry): void {
  while (entry.lines.length > 1 && entry.lines[entry.lines.length - 1]!.text === '') entry.lines.pop();
  const last = entry.lines[entry.lines.length - 1]!;
  entry.endLine = last.line;
  entry.span = { start: entry.span.start, end: Math.max(entry.span.end, last.span.end) };
  entry.value = entry.lines.map((l) => l.text).join('\n').trimEnd();
}

/** The entry of a section with a key (case-insensitive); the last one when the key repeats. */
export function entryOf(section: IniSection | undefined, key: string): IniEntry | undefined {
  if (!section) return undefined;
  const name = key.toLowerCase();
  for (let i = section.entries.length - 1; i >= 0; i--) if (section.entries[i]!.name === name) return section.entries[i];
  return undefined;
}
