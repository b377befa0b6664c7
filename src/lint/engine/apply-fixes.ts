import type { Finding, Fix } from './types.js';
import { pushAll } from '../../util/push-all.js';

export interface FixOutcome {
  output: string;
  /** Groups (findings' fix lists) applied. */
  applied: number;
  /** Groups skipped because they overlap one applied before them. */
  skipped: number;
}

/**
 * Applies text edits to `text`. Each element is one fix or one finding's list of fixes, which
 * is applied all together or not at all. Groups are taken in order of their first edit; a
 * group that overlaps an edit already taken is skipped (a later pass can apply it on the new
 * text). Two insertions at the same offset are both applied, in the given order.
 */
export function applyFixesDetailed(text: string, fixes: readonly (Fix | readonly Fix[])[]): FixOutcome {
  const groups = fixes
    .map((g, order) => ({ edits: [...(isFixList(g) ? g : [g])].sort(byRange), order }))
    .filter((g) => g.edits.length > 0)
    .sort((a, b) => byRange(a.edits[0]!, b.edits[0]!) || a.order - b.order);
  const taken: Fix[] = [];
  let applied = 0;
  let skipped = 0;
  for (const group of groups) {
    if (group.edits.some((e) => taken.some((t) => overlaps(e, t))) || selfOverlapping(group.edits)) {
      skipped++;
      continue;
    }
    pushAll(taken, group.edits);
    applied++;
  }
  taken.sort(byRange);
  let out = '';
  let at = 0;
  for (const edit of taken) {
    out += text.slice(at, edit.range[0]) + edit.text;
    at = edit.range[1];
  }
  out += text.slice(at);
  return { output: out, applied, skipped };
}

/** `applyFixesDetailed` returning only the new text. */
export function applyFixes(text: string, fixes: readonly (Fix | readonly Fix[])[]): string {
  return applyFixesDetailed(text, fixes).output;
}

/** The fix groups of findings of one file, in report order. */
export function fixesOfFindings(findings: readonly Finding[]): Fix[][] {
  return findings.filter((f) => f.fix && f.fix.length > 0).map((f) => f.fix!);
}

function isFixList(g: Fix | readonly Fix[]): g is readonly Fix[] {
  return Array.isArray(g);
}

function byRange(a: Fix, b: Fix): number {
  return a.range[0] - b.range[0] || a.range[1] - b.range[1];
}

/** Edits overlap when they share a character, or when one is an insertion strictly inside the other. */
function overlaps(a: Fix, b: Fix): boolean {
  const [as, ae] = a.range;
  const [bs, be] = b.range;
  if (as === ae && bs === be) return false;
  if (as === ae) return as > bs && as < be;
  if (bs === be) return bs > as && bs < ae;
  return as < be && bs < ae;
}

function selfOverlapping(edits: readonly Fix[]): boolean {
  for (let i = 1; i < edits.length; i++) if (overlaps(edits[i - 1]!, edits[i]!)) return true;
  return false;
}
