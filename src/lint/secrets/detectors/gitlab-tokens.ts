import type { SecretHit } from '../../engine/types.js';
import { shannonEntropy } from '../entropy.js';
import { secretHit } from '../hit.js';

/**
 * GitLab's token formats, the ones a `.gitlab-ci.yml` is most likely to leak. secretlint's
 * preset knows only the personal access token; gitleaks has 15 GitLab rules. These are
 * slipway's own patterns for the same families, written from GitLab's token-prefix table:
 * a fixed prefix, then a URL-safe base64 body (`[0-9A-Za-z_-]`), optionally followed by the
 * `.` + 9-character routing suffix of the newer "routable" tokens (one family, not two).
 *
 * One linear scan finds every `gl…-` token; the family table then checks the body's alphabet
 * and length. A body of one repeated character or low entropy (`glpat-xxxxxxxxxxxxxxxxxxxx`,
 * `glpat-XXXXXXXXXXX-XXXXXXXX`) is a documentation placeholder, not a token.
 */
export interface GitlabTokenFamily {
  detector: string;
  what: string;
  prefix: string;
  /** Shortest body (after the prefix, before a routing suffix). */
  minLength: number;
  /** Exact body alphabet when narrower than URL-safe base64. */
  alphabet?: RegExp;
}

export const GITLAB_TOKEN_FAMILIES: readonly GitlabTokenFamily[] = [
  { detector: 'gitlab-pat', what: 'GitLab personal access token', prefix: 'glpat-', minLength: 20 },
  { detector: 'gitlab-ptt', what: 'GitLab pipeline trigger token', prefix: 'glptt-', minLength: 40, alphabet: /^[0-9a-f]{40}$/ },
  { detector: 'gitlab-runner-token', what: 'GitLab runner authentication token', prefix: 'glrt-', minLength: 20 },
  { detector: 'gitlab-runner-token', what: 'GitLab runner authentication token', prefix: 'glrtr-', minLength: 20 },
  { detector: 'gitlab-cicd-job-token', what: 'GitLab CI/CD job token', prefix: 'glcbt-', minLength: 20 },
  { detector: 'gitlab-deploy-token', what: 'GitLab deploy token', prefix: 'gldt-', minLength: 20 },
  { detector: 'gitlab-feed-token', what: 'GitLab feed token', prefix: 'glft-', minLength: 20 },
  { detector: 'gitlab-incoming-mail-token', what: 'GitLab incoming mail token', prefix: 'glimt-', minLength: 25 },
  { detector: 'gitlab-kubernetes-agent-token', what: 'GitLab agent for Kubernetes token', prefix: 'glagent-', minLength: 50 },
  { detector: 'gitlab-oauth-app-secret', what: 'GitLab OAuth application secret', prefix: 'gloas-', minLength: 64 },
  { detector: 'gitlab-scim-token', what: 'GitLab SCIM token', prefix: 'glsoat-', minLength: 20 },
  { detector: 'gitlab-feature-flag-client-token', what: 'GitLab feature flags client token', prefix: 'glffct-', minLength: 20 },
  { detector: 'gitlab-workspace-token', what: 'GitLab workspace token', prefix: 'glwt-', minLength: 20 },
];

const BY_PREFIX = new Map(GITLAB_TOKEN_FAMILIES.map((f) => [f.prefix, f]));

/** `gl<type>-<body>[.<routing>]`; bounded repetitions and fixed delimiters keep it linear. */
const PREFIXED_TOKEN =
  /(?<![0-9A-Za-z])(gl(?:pat|ptt|rtr?|cbt|dt|ft|imt|agent|oas|soat|ffct|wt)-)([0-9A-Za-z_-]{20,300})(\.[0-9a-z]{9})?(?![0-9A-Za-z_-])/g;

/** Runner registration tokens (deprecated, still in old configs): fixed `GR1348941` prefix. */
const RUNNER_REGISTRATION_TOKEN = /(?<![0-9A-Za-z])GR1348941([0-9A-Za-z_-]{20})(?![0-9A-Za-z_-])/g;

/** The `_gitlab_session` cookie (e.g. in a `curl -b`), 32 hex characters. */
const SESSION_COOKIE = /_gitlab_session=([0-9a-f]{32})(?![0-9a-f])/g;

/** Bits per character below which a body is a placeholder, as gitleaks' entropy 3 for these rules. */
const MIN_ENTROPY = 3;

export function findGitlabTokens(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const m of text.matchAll(PREFIXED_TOKEN)) {
    const family = BY_PREFIX.get(m[1]!);
    const body = m[2]!;
    if (!family || body.length < family.minLength) continue;
    if (family.alphabet && !family.alphabet.test(body)) continue;
    if (!looksRandom(body)) continue;
    hits.push(secretHit(text, family.detector, family.what, m.index, m.index + m[0].length));
  }
  for (const m of text.matchAll(RUNNER_REGISTRATION_TOKEN)) {
    if (!looksRandom(m[1]!)) continue;
    hits.push(secretHit(text, 'gitlab-rrt', 'GitLab runner registration token', m.index, m.index + m[0].length));
  }
  for (const m of text.matchAll(SESSION_COOKIE)) {
    if (!looksRandom(m[1]!)) continue;
    const start = m.index + m[0].length - m[1]!.length;
    hits.push(secretHit(text, 'gitlab-session-cookie', 'GitLab session cookie', start, start + m[1]!.length));
  }
  return hits;
}

function looksRandom(body: string): boolean {
  return shannonEntropy(body) >= MIN_ENTROPY;
}
