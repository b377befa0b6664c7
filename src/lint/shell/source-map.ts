/**
 * Offsets of a derived text (the shell script handed to the parser) mapped back to the file it came from.
 *
 * A Dockerfile `RUN` body is not a slice of the file: continuation characters and the newlines after them
 * are removed, comment lines inside continuations are dropped, a JSON string loses its escapes. A
 * `SourceMap` records, for every run of the derived text, where it came from, so a span the shell
 * parser reports can be turned into a span of the original file (what findings and fixes need).
 */
import type { Span } from '../engine/types.js';

interface Segment {
  /** Start offset in the derived text. */
  start: number;
  length: number;
  /** Where the segment came from in the file. */
  fileStart: number;
  fileEnd: number;
  /** True when the derived text equals the file text (offsets map one to one). */
  verbatim: boolean;
}

export class SourceMap {
  private readonly segments: Segment[] = [];
  private length = 0;

  /**
   * @param anchor the file offset reported for positions of an empty derived text (usually where the
   *   derived text would start in the file).
   */
  constructor(private readonly anchor: number) {}

  /** A map for a derived text that is the file slice starting at `fileStart`. */
  static verbatim(fileStart: number, length: number): SourceMap {
    const map = new SourceMap(fileStart);
    map.appendVerbatim(fileStart, length);
    return map;
  }

  /** Length of the derived text described so far. */
  get textLength(): number {
    return this.length;
  }

  /** Appends `length` characters copied unchanged from the file at `fileStart`. */
  appendVerbatim(fileStart: number, length: number): this {
    if (length <= 0) return this;
    const last = this.segments[this.segments.length - 1];
    if (last?.verbatim && last.fileEnd === fileStart && last.start + last.length === this.length) {
      last.length += length;
      last.fileEnd += length;
    } else {
      this.segments.push({ start: this.length, length, fileStart, fileEnd: fileStart + length, verbatim: true });
    }
    this.length += length;
    return this;
  }

  /**
   * Appends `length` derived characters that all stand for the file range [fileStart, fileEnd), e.g. one
   * decoded JSON escape `\"` → `"`, or a substituted `${VAR}`.
   */
  appendSynthetic(length: number, fileStart: number, fileEnd: number): this {
    if (length <= 0) return this;
    this.segments.push({ start: this.length, length, fileStart, fileEnd, verbatim: false });
    this.length += length;
    return this;
  }

  /** Appends all of `other` (the map of the text that follows). */
  appendMap(other: SourceMap): this {
    for (const seg of other.segments) {
      if (seg.verbatim) this.appendVerbatim(seg.fileStart, seg.length);
      else this.appendSynthetic(seg.length, seg.fileStart, seg.fileEnd);
    }
    return this;
  }

  /**
   * The file offset of a derived-text offset. `bias` decides which side wins at a seam between two
   * segments: a span's start should land at the start of the next segment (`'start'`), its end at the end
   * of the previous one (`'end'`), so a span never swallows a removed continuation.
   */
  toFile(offset: number, bias: 'start' | 'end' = 'start'): number {
    const segs = this.segments;
    if (segs.length === 0) return this.anchor;
    if (offset <= 0) return segs[0]!.fileStart;
    if (offset >= this.length) return segs[segs.length - 1]!.fileEnd;
    // Binary search for the segment containing the offset (start <= offset < start + length).
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    let seg = segs[lo]!;
    if (bias === 'end' && offset === seg.start && lo > 0) {
      seg = segs[lo - 1]!;
      return seg.fileEnd;
    }
    const within = offset - seg.start;
    if (seg.verbatim) return seg.fileStart + within;
    return within === 0 ? seg.fileStart : seg.fileEnd;
  }

  /**
   * The derived-text offset of a file offset copied verbatim, or of the first derived character after
   * it (a file offset inside a removed continuation maps to where the text resumes).
   */
  fromFile(fileOffset: number): number {
    for (const seg of this.segments) {
      if (fileOffset < seg.fileStart) return seg.start;
      if (fileOffset < seg.fileEnd) return seg.verbatim ? seg.start + (fileOffset - seg.fileStart) : seg.start;
    }
    return this.length;
  }

  /** A derived-text span as a file span. */
  spanToFile(span: Span): Span {
    const start = this.toFile(span.start, 'start');
    if (span.end <= span.start) return { start, end: start };
    const end = this.toFile(span.end, 'end');
    return { start, end: Math.max(start, end) };
  }

  /**
   * True when the derived text of `span` is copied unchanged from one stretch of the file, so replacing
   * or inserting at the mapped file offsets is safe (a fix may rely on it).
   */
  isVerbatim(span: Span): boolean {
    for (const seg of this.segments) {
      if (seg.start + seg.length <= span.start || seg.start >= span.end) continue;
      if (!seg.verbatim) return false;
      if (seg.start > span.start || seg.start + seg.length < span.end) return false;
    }
    return true;
  }

  /**
   * The map of a substring [start, end) of the derived text, as if that substring were the whole text
   * (used for a here-document body or a `sh -c '…'` string parsed on its own).
   */
  slice(start: number, end: number): SourceMap {
    const out = new SourceMap(this.toFile(start));
    for (const seg of this.segments) {
      const a = Math.max(seg.start, start);
      const b = Math.min(seg.start + seg.length, end);
      if (b <= a) continue;
      if (seg.verbatim) out.appendVerbatim(seg.fileStart + (a - seg.start), b - a);
      else out.appendSynthetic(b - a, seg.fileStart, seg.fileEnd);
    }
    return out;
  }
}
