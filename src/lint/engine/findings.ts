import { LineIndex } from '../../util/text.js';
import { compareText } from './registry.js';
import type { Finding, Fix, Report, SourceFile } from './types.js';

/** 1-based region of a finding; the end is exclusive (just past the last character). */
export interface Region {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

type Located = Pick<Report, 'span' | 'loc'>;

/**
 * The region of a report in a file, or a message saying why the report's position is not
 * inside the file (a bug in the rule or parser that made it). Without span or loc the
 * finding covers the first line.
 */
export function regionOf(index: LineIndex, report: Located): Region | { error: string } {
  const text = index.text;
  if (report.loc) {
    const { line, column } = report.loc;
    if (!isPositiveInt(line) || line > index.lineCount) return { error: `line ${line} is not in the file (1–${index.lineCount})` };
    const width = index.lineText(line).length;
    if (!isPositiveInt(column) || column > width + 1) return { error: `column ${column} is not in line ${line} (1–${width + 1})` };
    const endLine = report.loc.endLine ?? line;
    if (!isPositiveInt(endLine) || endLine < line || endLine > index.lineCount) return { error: `end line ${endLine} is not in ${line}–${index.lineCount}` };
    const endWidth = index.lineText(endLine).length;
    let endColumn = report.loc.endColumn;
    if (endColumn === undefined) endColumn = report.loc.endLine === undefined && column > width ? column : endWidth + 1;
    if (!isPositiveInt(endColumn) || endColumn > endWidth + 1 || (endLine === line && endColumn < column)) {
      return { error: `end column ${endColumn} is not in line ${endLine}` };
    }
    return { line, column, endLine, endColumn };
  }
  if (report.span) {
    const { start, end } = report.span;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
      return { error: `span [${start}, ${end}) is not inside the file (0–${text.length})` };
    }
    const from = index.positionAt(start);
    let to = index.positionAt(end);
    if (end > start && to.column === 1 && to.line > from.line) {
      // A span that ends with a line break ends at the end of that line, not at the next one.
      to = { line: to.line - 1, column: index.lineText(to.line - 1).length + 1 };
    }
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }
  return { line: 1, column: 1, endLine: 1, endColumn: index.lineText(1).length + 1 };
}

function isPositiveInt(n: number): boolean {
  return Number.isInteger(n) && n >= 1;
}

/** The fixes of a report as a list, or a message when one lies outside the file. */
export function fixesOf(file: SourceFile, fix: Report['fix']): Fix[] | { error: string } | undefined {
  if (fix === undefined) return undefined;
  const list = Array.isArray(fix) ? fix : [fix];
  for (const f of list) {
    const [start, end] = f.range;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > file.text.length) {
      return { error: `fix range [${start}, ${end}) is not inside the file (0–${file.text.length})` };
    }
  }
  return list.length === 0 ? undefined : list.map((f) => ({ range: [f.range[0], f.range[1]], text: f.text }));
}

/** The report order: file, line, column, rule id, then the rest so that the order is total. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId) ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    compareText(a.message, b.message)
  );
}

/** Sorts and drops exact duplicates (a file linted both on its own and as an include). */
export function sortAndDedupe(findings: readonly Finding[]): Finding[] {
  const sorted = [...findings].sort(compareFindings);
  return sorted.filter((f, i) => i === 0 || compareFindings(f, sorted[i - 1]!) !== 0);
}

/** A cache of line indexes by file text. */
export class LineIndexCache {
  private readonly cache = new Map<string, LineIndex>();
  of(file: SourceFile): LineIndex {
    let index = this.cache.get(file.path);
    if (!index || index.text !== file.text) {
      index = new LineIndex(file.text);
      this.cache.set(file.path, index);
    }
    return index;
  }
}
