/** dockerfile-ast ranges (0-based line/character) ↔ the file offsets the model uses. */
import type { Span } from '../engine/types.js';
import type { LineIndex } from '../../util/text.js';

/** A dockerfile-ast (LSP) position: 0-based line, UTF-16 character. */
export interface AstPosition {
  line: number;
  character: number;
}

export interface AstRange {
  start: AstPosition;
  end: AstPosition;
}

export function rangeToSpan(lines: LineIndex, range: AstRange): Span {
  return { start: positionToOffset(lines, range.start), end: positionToOffset(lines, range.end) };
}

export function positionToOffset(lines: LineIndex, pos: AstPosition): number {
  return lines.offsetAt(pos.line + 1, pos.character + 1);
}
