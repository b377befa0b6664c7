/**
 * Which rule reports a hit: every detector belongs to one family, and each `secrets/*`
 * rule reports one family. Detector ids not listed here (secretlint's provider rules,
 * slipway's GitLab and PyPI formats) are known token formats.
 */
export type SecretFamily = 'token' | 'private-key' | 'url-credentials' | 'named-literal';

const FAMILY_OF: Record<string, SecretFamily> = {
  'private-key': 'private-key',
  'private-key-json': 'private-key',
  'private-key-p12': 'private-key',
  'url-password': 'url-credentials',
  'secret-named-literal': 'named-literal',
};

export function secretFamily(detector: string): SecretFamily {
  return FAMILY_OF[detector] ?? 'token';
}

/**
 * When two hits overlap, the more specific wins (lower rank): a known token format says
 * what leaked and how to revoke it; a named literal only that a value sits under a secret
 * name. slipway's own detectors rank before secretlint's for the same family because their
 * spans are the secret alone.
 */
export function familyRank(detector: string, ownDetector: boolean): number {
  const base = { token: 0, 'private-key': 2, 'url-credentials': 4, 'named-literal': 6 }[secretFamily(detector)];
  return base + (ownDetector ? 0 : 1);
}
