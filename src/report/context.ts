import type { RuleInfo } from '../lint/engine/engine-rules.js';
import type { Finding } from '../lint/engine/types.js';

/** What a report format may use besides the findings. Formats are pure functions of both. */
export interface FormatContext {
  /** Metadata of any rule id a finding can carry (rules and engine findings). */
  rule(id: string): RuleInfo | undefined;
  /** Text of a file as it may be shown (secrets masked), for code frames; undefined when unknown. */
  source(path: string): string | undefined;
  /** Report paths of the linted files, in order (formats that list clean files use it). */
  files: readonly string[];
  /** Colour the output (stylish only). */
  color: boolean;
  toolVersion: string;
  /** A report path as a path from the repository root (Code Quality, SARIF); identity by default. */
  repoPath(path: string): string;
}

export type Formatter = (findings: readonly Finding[], context: FormatContext) => string;

/** A context with no sources and no colour: for tests and library callers that only need text. */
export function plainContext(partial: Partial<FormatContext> = {}): FormatContext {
  return {
    rule: () => undefined,
    source: () => undefined,
    files: [],
    color: false,
    toolVersion: '0.0.0',
    repoPath: (p) => p,
    ...partial,
  };
}

/** Findings grouped by file, in the order given (already sorted by the engine). */
export function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.file);
    if (list) list.push(f);
    else groups.set(f.file, [f]);
  }
  return groups;
}
