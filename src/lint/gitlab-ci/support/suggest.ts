/** "Did you mean" for keywords and names: close edits, plus one swapped pair of letters (`tset` → `test`). */
import { didYouMean } from '../../../util/text.js';

export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const close = didYouMean(word, list);
  if (close) return close;
  const lower = word.toLowerCase();
  return list.find((c) => isOneSwap(lower, c.toLowerCase()));
}

function isOneSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}
