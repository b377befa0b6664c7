/** Positions of text inside written values. */
import type { SourceFile, Span } from '../../engine/types.js';

/** The span of `needle` inside a written value, or the whole value when it is not written as is. */
export function locate(file: SourceFile, span: Span, needle: string): Span {
  const at = file.text.slice(span.start, span.end).indexOf(needle);
  return at < 0 ? span : { start: span.start + at, end: span.start + at + needle.length };
}
