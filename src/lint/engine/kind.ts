import type { AnyFileDoc, FileKind, Rule, SourceFile, Span } from './types.js';

/** A problem that stops a file from being understood; reported as a `parse-error` finding. */
export interface ParseProblem {
  message: string;
  span?: Span;
  loc?: { line: number; column: number; endLine?: number; endColumn?: number };
  /** The file the problem is in, when not the one parsed (e.g. an included file). */
  file?: SourceFile;
}

export interface ParseResult<Doc> {
  /** Undefined when the file cannot be understood at all: no rule runs on it. */
  doc: Doc | undefined;
  /** Each becomes a `parse-error` finding (severity error, exit status 2). */
  problems: ParseProblem[];
}

/** What the engine gives a parser besides the text: a way to read other files of the repository. */
export interface ParseEnv {
  /** Absolute root of the linted repository (for `include: local`, cross-file rules). */
  root: string;
  /** Reads a file relative to root; undefined when missing or outside the root. */
  readFile(relPath: string): SourceFile | undefined;
}

/** One file kind: how to parse it and which rules check it. */
export interface KindSupport<Doc = unknown> {
  kind: FileKind;
  parse(file: SourceFile, env: ParseEnv): ParseResult<Doc>;
  rules: readonly Rule<Doc>[];
  /**
   * The 1-based line range of the statement (Dockerfile instruction with its continuation
   * lines, YAML key with its value, make rule with its recipe) that starts on `line` or is
   * the first one after it. `# slipway-ignore` on the line before a statement covers all of it.
   */
  statementRange?(doc: Doc, line: number): { startLine: number; endLine: number } | undefined;
}

/**
 * The rules of kind `any`: they run on every linted file, whatever its kind, over its raw
 * text and the secret hits found in it (src/lint/secrets/index.ts exports one as `anySupport`).
 */
export interface AnyKindSupport {
  /** Scans one file once; the result is every `any` rule's document for that file. */
  prepare(file: SourceFile): AnyFileDoc | Promise<AnyFileDoc>;
  rules: readonly Rule<AnyFileDoc>[];
}
