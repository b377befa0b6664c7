import { describe, expect, test } from 'vitest';
import { SourceMap } from '../../src/lint/shell/index.js';

describe('SourceMap', () => {
  // "ab \\\n  cd" joined to "ab   cd": file offsets 0-2 and 6-9.
  const map = new SourceMap(0).appendVerbatim(0, 3).appendVerbatim(6, 4);

  test('maps offsets on both sides of a seam', () => {
    expect(map.toFile(0)).toBe(0);
    expect(map.toFile(3, 'start')).toBe(6);
    expect(map.toFile(3, 'end')).toBe(3);
    expect(map.spanToFile({ start: 0, end: 3 })).toEqual({ start: 0, end: 3 });
    expect(map.spanToFile({ start: 3, end: 7 })).toEqual({ start: 6, end: 10 });
  });

  test('finds derived offsets of file offsets', () => {
    expect(map.fromFile(7)).toBe(4);
    expect(map.fromFile(4)).toBe(3); // inside the removed continuation: where the text resumes
  });

  test('synthetic segments map to their whole source', () => {
    const m = new SourceMap(10).appendVerbatim(10, 2).appendSynthetic(1, 12, 14).appendVerbatim(14, 2);
    expect(m.spanToFile({ start: 2, end: 3 })).toEqual({ start: 12, end: 14 });
    expect(m.isVerbatim({ start: 0, end: 2 })).toBe(true);
    expect(m.isVerbatim({ start: 1, end: 4 })).toBe(false);
  });

  test('slices keep positions', () => {
    const s = map.slice(2, 5);
    expect(s.textLength).toBe(3);
    expect(s.spanToFile({ start: 0, end: 3 })).toEqual({ start: 2, end: 8 });
  });

  test('an empty map answers with its anchor', () => {
    expect(new SourceMap(42).spanToFile({ start: 0, end: 0 })).toEqual({ start: 42, end: 42 });
  });
});
