/**
 * Literal secrets in a descriptor. slipway.yaml is committed and its values end up in images and
 * CI logs, so a secret there is always an error: the fix is a masked CI/CD variable named in the
 * descriptor (or passed to the container at run time).
 */
import { formatPath as display, type PathSegment } from './yaml-source.js';
import { isPlainObject } from './merge.js';
import { findSecretsSync } from '../lint/secrets/scan.js';
import { isSecretName, nameWords } from '../lint/secrets/secret-name.js';
import { isLiteralSecret } from '../lint/secrets/literal-value.js';

interface TokenFormat {
  name: string;
  pattern: RegExp;
}

/**
 * Provider token formats (prefixes documented by their issuers) that the linter finds through
 * secretlint, which is asynchronous; the descriptor loader is synchronous, so it checks these
 * itself. GitLab and PyPI tokens, private keys, URL passwords and secret-named values come
 * from the linter's own synchronous detectors (src/lint/secrets).
 */
const PROVIDER_TOKENS: readonly TokenFormat[] = [
  { name: 'GitHub token', pattern: /\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/ },
  { name: 'AWS access key id', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: 'Slack token', pattern: /\bxox[abposr]-[0-9A-Za-z-]{10,}/ },
  { name: 'Stripe secret key', pattern: /\b[sr]k_live_[0-9A-Za-z]{20,}/ },
  { name: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { name: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
];

export interface SecretFinding {
  path: PathSegment[];
  message: string;
}

const ADVICE = 'never write secrets in slipway.yaml: keep the value in a masked CI/CD variable and refer to it by name';

/** What in a string looks like a literal secret, if anything. */
export function secretIn(text: string): string | undefined {
  const hit = findSecretsSync(text)[0];
  if (hit) return hit.what;
  return PROVIDER_TOKENS.find((format) => format.pattern.test(text))?.name;
}

/** Every literal secret in the (merged) descriptor value. */
export function findSecrets(descriptor: unknown): SecretFinding[] {
  const findings: SecretFinding[] = [];
  const visit = (value: unknown, path: PathSegment[]): void => {
    if (typeof value === 'string') {
      const what = secretIn(value);
      if (what) findings.push({ path, message: `\`${display(path)}\` contains a secret (${what}); ${ADVICE}` });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
    } else if (isPlainObject(value)) {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(descriptor, []);
  const env = isPlainObject(descriptor) && isPlainObject(descriptor.image) ? descriptor.image.env : undefined;
  if (isPlainObject(env)) {
    for (const [name, value] of Object.entries(env)) {
      const path = ['image', 'env', name];
      if (typeof value !== 'string' || !isSecretName(name) || !isLiteralSecret(value, { nameWords: nameWords(name) })) continue;
      if (findings.some((f) => f.path.join('\0') === path.join('\0'))) continue;
      findings.push({
        path,
        message: `\`${display(path)}\` looks like a secret; secrets must not be baked into the image or written in slipway.yaml: keep it in a masked CI/CD variable and pass it to the container at run time`,
      });
    }
  }
  return findings;
}
