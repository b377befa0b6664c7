import { didYouMean } from '../util/text.js';

/**
 * The candidate `word` is most likely a typo of: a close edit (util/text's didYouMean) or the
 * same letters with two neighbours swapped (`imgae` → `image`), which plain edit distance
 * counts as two edits.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  return didYouMean(word, candidates) ?? candidates.find((c) => isOneSwapAway(word.toLowerCase(), c.toLowerCase()));
}

function isOneSwapAway(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}
