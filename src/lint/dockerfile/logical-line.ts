/**
 * An instruction's logical line as BuildKit builds it: a line ending in the escape character (followed
 * only by spaces or tabs, and not itself escaped) continues on the next line; comment lines and blank
 * lines inside a continuation are dropped; continuation lines keep their leading whitespace. The result
 * keeps a `SourceMap` so positions in the joined text map back to the file.
 */
import type { LineIndex } from '../../util/text.js';
import { SourceMap } from '../shell/source-map.js';

export interface LogicalLine {
  /** The joined text, from `start` to the end of the instruction's last continuation line. */
  text: string;
  map: SourceMap;
  /** File offset just after the last character of the logical line (before its line break). */
  end: number;
  /** 1-based line of `end`. */
  endLine: number;
}

/** Joins the logical line that starts at file offset `start` (an instruction's keyword). */
export function logicalLine(text: string, lines: LineIndex, start: number, escapeChar: string): LogicalLine {
  const map = new SourceMap(start);
  let line = lines.positionAt(start).line;
  let first = true;
  let end = start;
  let endLine = line;
  let joined = '';
  while (line <= lines.lineCount) {
    const lineStart = lines.starts[line - 1]!;
    const content = lines.lineText(line);
    const from = first ? start : lineStart;
    const lineEnd = lineStart + content.length;
    if (!first) {
      const trimmed = content.trimStart();
      if (trimmed.startsWith('#') || trimmed === '') {
        line++;
        continue;
      }
    }
    const cut = continuationAt(content, escapeChar);
    if (cut >= 0 && lineStart + cut >= from) {
      map.appendVerbatim(from, lineStart + cut - from);
      joined += text.slice(from, lineStart + cut);
      end = lineStart + cut;
      endLine = line;
      first = false;
      line++;
      continue;
    }
    map.appendVerbatim(from, lineEnd - from);
    joined += text.slice(from, lineEnd);
    end = lineEnd;
    endLine = line;
    break;
  }
  return { text: joined, map, end, endLine };
}

/** Index of the continuation character in a line, or -1 when the line does not continue. */
export function continuationAt(line: string, escapeChar: string): number {
  let i = line.length;
  while (i > 0 && (line[i - 1] === ' ' || line[i - 1] === '\t')) i--;
  if (i === 0 || line[i - 1] !== escapeChar) return -1;
  if (i >= 2 && line[i - 2] === escapeChar) return -1; // an escaped escape character
  return i - 1;
}
