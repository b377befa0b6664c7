import { InputError, InputErrors } from '../../src/cli/errors.js';
import { resolveDescriptor, type ResolveOptions } from '../../src/descriptor/index.js';
import type { Project, PythonProject } from '../../src/descriptor/model.js';

/** The date the release-table expectations of these tests were written for. */
export const TODAY = new Date('2026-11-23T12:00:00Z');

/** The one-line errors resolving `text` produces (empty when it resolves). */
export function errorsOf(text: string, options: ResolveOptions = {}): string[] {
  try {
    resolveDescriptor(text, 'slipway.yaml', { today: TODAY, ...options });
    return [];
  } catch (err) {
    if (err instanceof InputErrors) return err.errors.map((e) => e.format());
    if (err instanceof InputError) return [err.format()];
    throw err;
  }
}

/** The text at a 1-based line and column of `text`. */
export function textAt(text: string, line: number, column: number): string {
  return (text.split('\n')[line - 1] ?? '').slice(column - 1);
}

/** The `python` section of a project that must be a Python one. */
export function pythonOf(p: Project): PythonProject['python'] {
  if (p.language !== 'python') throw new Error(`expected a Python project, got ${p.language}`);
  return p.python;
}
