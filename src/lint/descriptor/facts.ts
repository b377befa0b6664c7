/**
 * What parsing a descriptor learns besides the Project: warnings with their positions and the
 * YAML source. Kept beside the Project (the kind's document) so rules can report them.
 */
import type { InputError } from '../../cli/errors.js';
import type { Project } from '../../descriptor/model.js';
import type { YamlSource } from '../../descriptor/yaml-source.js';

export interface Located {
  message: string;
  loc: { line: number; column: number; endLine: number; endColumn: number };
}

export interface DescriptorFacts {
  source: YamlSource;
  /** Test-matrix versions past their end of life. */
  endOfLife: Located[];
  /** Files the descriptor names that the repository lacks. */
  missingFiles: Located[];
}

const facts = new WeakMap<Project, DescriptorFacts>();

export function rememberFacts(project: Project, value: DescriptorFacts): void {
  facts.set(project, value);
}

export function factsOf(project: Project): DescriptorFacts | undefined {
  return facts.get(project);
}

/** The position of an InputError, extended to the end of the token it points at. */
export function locate(error: InputError, lineText: (line: number) => string): Located['loc'] {
  const line = error.line ?? 1;
  const column = error.column ?? 1;
  return { line, column, endLine: line, endColumn: tokenEnd(lineText(line), column) };
}

/** 1-based column just past the YAML token starting at `column`: a quoted scalar, a key, a plain value. */
export function tokenEnd(text: string, column: number): number {
  const start = column - 1;
  const quote = text[start];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, start + 1);
    return (close < 0 ? text.length : close + 1) + 1;
  }
  const rest = text.slice(start);
  const key = /^[^\s:#,\[\]{}]+(?=:(\s|$))/.exec(rest);
  const plain = key ?? /^[^,\]}#]*[^,\]}#\s]/.exec(rest);
  return start + (plain ? plain[0].length : Math.max(1, rest.trimEnd().length)) + 1;
}
