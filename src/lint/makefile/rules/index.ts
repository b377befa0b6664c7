import type { Rule } from '../../engine/types.js';
import type { MakefileDoc } from '../model.js';
import duplicateTarget from './duplicate-target.js';
import lostShellState from './lost-shell-state.js';
import misspelledVariable from './misspelled-variable.js';
import missingPhony from './missing-phony.js';
import mixedColonRules from './mixed-colon-rules.js';
import phonyWithoutRule from './phony-without-rule.js';
import recipeSpaceIndent from './recipe-space-indent.js';
import useMakeVariable from './use-make-variable.js';

/** Every Makefile rule, sorted by id. */
export const makefileRules: readonly Rule<MakefileDoc>[] = [
  duplicateTarget,
  lostShellState,
  missingPhony,
  misspelledVariable,
  mixedColonRules,
  phonyWithoutRule,
  recipeSpaceIndent,
  useMakeVariable,
];
