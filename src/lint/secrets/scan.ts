import type { SecretHit, SourceFile } from '../engine/types.js';
import { findGitlabTokens } from './detectors/gitlab-tokens.js';
import { findSecretNamedLiterals } from './detectors/named-literal.js';
import { findPrivateKeys } from './detectors/private-key.js';
import { findPypiTokens } from './detectors/pypi-token.js';
import { findWithSecretlint, loadSecretlint } from './detectors/secretlint.js';
import { findUrlCredentials } from './detectors/url-credentials.js';
import { familyRank } from './families.js';

/**
 * Secret detection for every file kind; the engine awaits `scanSecrets` once per file and
 * hands the hits to the `secrets/*` rules as `AnyFileDoc.secrets`.
 *
 * Two sources, merged so that one secret gives one hit:
 * - secretlint's recommended preset (provider token formats), in-process;
 * - slipway's own detectors: GitLab token families, PyPI tokens, private key blocks,
 *   passwords in URLs, and secret-named keys with literal values.
 *
 * Never throws: a detector that fails on some input is skipped for that file (and the
 * others still run). Every pattern is linear in the input.
 */

type OwnDetector = (text: string) => SecretHit[];

/** slipway's own detectors, synchronous and dependency-free. */
export const OWN_DETECTORS: readonly OwnDetector[] = [
  findGitlabTokens,
  findPypiTokens,
  findPrivateKeys,
  findUrlCredentials,
  findSecretNamedLiterals,
];

/** Loads secretlint ahead of the first scan (optional: `scanSecrets` loads it on demand). */
export async function initSecrets(): Promise<void> {
  try {
    await loadSecretlint();
  } catch {
    // scanSecrets falls back to slipway's own detectors.
  }
}

export async function scanSecrets(file: SourceFile): Promise<SecretHit[]> {
  const own = findSecretsSync(file.text);
  let external: SecretHit[] = [];
  try {
    external = await findWithSecretlint(file);
  } catch {
    external = [];
  }
  return mergeHits(own, external);
}

/** slipway's own detectors only, for callers that cannot await (e.g. a descriptor check). */
export function findSecretsSync(text: string): SecretHit[] {
  let hits: SecretHit[] = [];
  for (const detect of OWN_DETECTORS) {
    try {
      hits = hits.concat(detect(text)); // not push(...): a file may have more hits than a call has arguments
    } catch {
      // One detector failing on odd input must not hide the others' hits.
    }
  }
  return mergeHits(hits, []);
}

/** One hit per secret: of overlapping hits the most specific stays; sorted by position. */
export function mergeHits(own: readonly SecretHit[], external: readonly SecretHit[]): SecretHit[] {
  const ranked = [
    ...own.map((hit) => ({ hit, rank: familyRank(hit.detector, true) })),
    ...external.map((hit) => ({ hit, rank: familyRank(hit.detector, false) })),
  ].sort((a, b) => a.rank - b.rank || a.hit.span.start - b.hit.span.start || b.hit.span.end - a.hit.span.end);
  // Kept hits never overlap, so sorted by start they are sorted by end too: a binary search
  // finds the only neighbours a new hit could overlap.
  const kept: SecretHit[] = [];
  for (const { hit } of ranked) {
    const at = firstEndingAfter(kept, hit.span.start);
    const next = kept[at];
    if (next && next.span.start < hit.span.end) continue;
    kept.splice(at, 0, hit);
  }
  return kept;
}

/** Index of the first kept hit whose span ends after `offset`. */
function firstEndingAfter(kept: readonly SecretHit[], offset: number): number {
  let lo = 0;
  let hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (kept[mid]!.span.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
