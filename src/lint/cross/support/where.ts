/** Positions for cross-file messages: "written at Dockerfile:3". */
import type { SourceFile, Span } from '../../engine/types.js';
import { LineIndex } from '../../../util/text.js';

const indexes = new WeakMap<SourceFile, LineIndex>();

function indexOf(file: SourceFile): LineIndex {
  let index = indexes.get(file);
  if (!index) {
    index = new LineIndex(file.text);
    indexes.set(file, index);
  }
  return index;
}

/** 1-based line of an offset in a file. */
export function lineOf(file: SourceFile, offset: number): number {
  return indexOf(file).positionAt(offset).line;
}

/** `path:line` of an offset, the way messages name another place. */
export function where(file: SourceFile, offset: number): string {
  return `${file.path}:${lineOf(file, offset)}`;
}

/** A place in a file, for findings and for naming it in messages. */
export interface Site {
  file: SourceFile;
  span: Span;
}

/** `path:line` of a site. */
export function at(site: Site): string {
  return where(site.file, site.span.start);
}

/** Joins words for a message: `a`, `a and b`, `a, b and c`. */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
