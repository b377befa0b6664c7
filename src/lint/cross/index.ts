/**
 * Cross-file (`project`) rules: checks over every linted file of a repository together.
 * The registry loads `projectRules` from here (src/lint/kinds.ts).
 */
import type { ProjectDoc } from '../engine/project.js';
import type { Rule } from '../engine/types.js';
import unknownMakeTarget from './rules/unknown-make-target.js';

/** Every cross-file rule, sorted by id. */
export const projectRules: readonly Rule<ProjectDoc>[] = [unknownMakeTarget];
