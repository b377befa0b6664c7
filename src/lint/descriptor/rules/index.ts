import type { Rule } from '../../engine/types.js';
import type { Project } from '../../../descriptor/model.js';
import eolVersionInMatrix from './eol-version-in-matrix.js';
import missingFile from './missing-file.js';

/** Every descriptor rule, sorted by id. */
export const descriptorRules: readonly Rule<Project>[] = [eolVersionInMatrix, missingFile];
