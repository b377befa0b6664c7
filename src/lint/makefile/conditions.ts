import type { ConditionBranch } from './model.js';

/**
 * Whether two statements can never both be read: they sit in different branches of the same
 * `ifeq … else … endif` block.
 */
export function mutuallyExclusive(a: readonly ConditionBranch[], b: readonly ConditionBranch[]): boolean {
  return a.some((x) => b.some((y) => x.id === y.id && x.branch !== y.branch));
}
