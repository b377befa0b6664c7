/**
 * Generation: the resolved Project → delivery files (pure: reads only slipway's own templates),
 * and writing them safely (atomic, never over a hand-edited file unless forced).
 */
import type { Project } from '../descriptor/model.js';
import type { GeneratedFile } from './types.js';
import { generatePython, PYTHON_OUTPUTS } from './python/index.js';
import { generateNode, NODE_OUTPUTS } from './node/index.js';
import { generateGo, GO_OUTPUTS } from './go/index.js';

export type { GeneratedFile, GeneratedKind } from './types.js';
export { writeGenerated, planWrite, unifiedDiff, generatedFileState, isObsoleteOutput, type FileAction, type WriteOptions, type WriteReport, type FileReport, type FileState } from './write.js';
export { provenance, type Provenance } from './header.js';
export { UnsafeValueError } from './unsafe-value.js';

/**
 * Every path a generator can write, whatever the descriptor says: the language's own outputs
 * first, then the other languages' (a file slipway wrote for the language a project used before,
 * tox.ini after a move from Python to Go, is obsolete too).
 */
export function possibleOutputs(language: Project['language']): string[] {
  const own: Record<Project['language'], readonly string[]> = { python: PYTHON_OUTPUTS, node: NODE_OUTPUTS, go: GO_OUTPUTS };
  return [...new Set([...own[language], ...PYTHON_OUTPUTS, ...NODE_OUTPUTS, ...GO_OUTPUTS])];
}

/** Renders every delivery file of `project`. Same project, same bytes. */
export async function generate(project: Project): Promise<GeneratedFile[]> {
  switch (project.language) {
    case 'python':
      return generatePython(project);
    case 'node':
      return generateNode(project);
    case 'go':
      return generateGo(project);
  }
}
