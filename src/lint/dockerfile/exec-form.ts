/**
 * Exec form (`["executable", "arg"]`): BuildKit takes the arguments as exec form when they parse as a
 * JSON array of strings, and as shell text otherwise (even when they start with `[`).
 */
import type { JSONArgument } from 'dockerfile-ast';
import type { Span } from '../engine/types.js';
import type { LineIndex } from '../../util/text.js';
import { SourceMap } from '../shell/source-map.js';
import type { Token } from './model.js';
import { rangeToSpan } from './positions.js';

export interface ExecForm {
  argv: Token[];
  /** For each argv string: where each character of its value is in the file (JSON escapes decoded). */
  valueMaps: SourceMap[];
}

/** The JSON array of strings in `argsText`, if it is one; `'malformed'` when it starts with `[` but is not. */
export function readExecForm(
  argsText: string,
  argsSpan: Span | undefined,
  jsonStrings: readonly JSONArgument[],
  text: string,
  lines: LineIndex,
): ExecForm | 'malformed' | undefined {
  const trimmed = argsText.trim();
  if (!trimmed.startsWith('[')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return 'malformed';
  }
  if (!Array.isArray(parsed) || !parsed.every((v): v is string => typeof v === 'string')) return 'malformed';
  const fallback = argsSpan ?? { start: 0, end: 0 };
  const located = jsonStrings.length === parsed.length;
  const argv: Token[] = [];
  const valueMaps: SourceMap[] = [];
  parsed.forEach((value, i) => {
    const span = located ? rangeToSpan(lines, jsonStrings[i]!.getRange()) : fallback;
    argv.push({ value, span });
    valueMaps.push(located ? jsonValueMap(text, span, value) : synthetic(value, span));
  });
  return { argv, valueMaps };
}

/** Maps the decoded value of the JSON string written at `span` (quotes included) to the file. */
export function jsonValueMap(text: string, span: Span, value: string): SourceMap {
  const inner = text.slice(span.start + 1, span.end - 1);
  if (inner.includes('\n') || !text.startsWith('"', span.start)) return synthetic(value, span);
  const map = new SourceMap(span.start + 1);
  let i = 0;
  let run = 0;
  let produced = 0;
  const flush = () => {
    map.appendVerbatim(span.start + 1 + i - run, run);
    produced += run;
    run = 0;
  };
  while (i < inner.length) {
    if (inner[i] === '\\') {
      flush();
      const width = inner[i + 1] === 'u' ? 6 : 2;
      map.appendSynthetic(1, span.start + 1 + i, span.start + 1 + i + width);
      produced += 1;
      i += width;
    } else {
      run++;
      i++;
    }
  }
  flush();
  return produced === value.length ? map : synthetic(value, span);
}

function synthetic(value: string, span: Span): SourceMap {
  return new SourceMap(span.start).appendSynthetic(value.length, span.start, span.end);
}
