/**
 * Literal secrets in a descriptor. slipway.yaml is committed and its values end up in images and
 * CI logs, so a secret there is always an error: the fix is a masked CI/CD variable named in the
 * descriptor (or passed to the container at run time).
 */
import { formatPath as display, type PathSegment } from './yaml-source.js';
import { isPlainObject } from './merge.js';

interface TokenFormat {
  name: string;
  pattern: RegExp;
}

/** Well-known token formats (prefixes documented by their issuers). */
const TOKEN_FORMATS: readonly TokenFormat[] = [
  { name: 'a GitLab token', pattern: /\b(glpat|gldt|glrt|glptt|glcbt|gloas|glft|glimt|glagent)-[0-9A-Za-z_-]{20,}/ },
  { name: 'a GitLab runner registration token', pattern: /\bGR1348941[0-9A-Za-z_-]{20,}/ },
  { name: 'a GitHub token', pattern: /\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/ },
  { name: 'an AWS access key id', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: 'a private key', pattern: /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/ },
  { name: 'a Slack token', pattern: /\bxox[abposr]-[0-9A-Za-z-]{10,}/ },
  { name: 'a Stripe secret key', pattern: /\b[sr]k_live_[0-9A-Za-z]{20,}/ },
  { name: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { name: 'a PyPI token', pattern: /\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{20,}/ },
  { name: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
];

/** `scheme://user:password@`, unless the password is a `$VARIABLE` reference. */
const URL_WITH_PASSWORD = /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:(?!\$\{?[A-Za-z_])[^\s/@]+@/i;

/** Environment variable names that hold secrets; `*_FILE`-style names point at them instead. */
const SECRET_NAME = /(^|_)(PASSWORD|PASSWD|PASS|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?)($|_)/i;
const SECRET_REFERENCE_SUFFIX = /_(FILE|PATH|DIR|NAME|VARIABLE)$/i;

export interface SecretFinding {
  path: PathSegment[];
  message: string;
}

const ADVICE = 'never write secrets in slipway.yaml: keep the value in a masked CI/CD variable and refer to it by name';

/** What in a string looks like a literal secret, if anything. */
export function secretIn(text: string): string | undefined {
  for (const format of TOKEN_FORMATS) if (format.pattern.test(text)) return format.name;
  if (URL_WITH_PASSWORD.test(text)) return 'a URL with a password (user:password@)';
  return undefined;
}

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !SECRET_REFERENCE_SUFFIX.test(name);
}

/** Every literal secret in the (merged) descriptor value. */
export function findSecrets(descriptor: unknown): SecretFinding[] {
  const findings: SecretFinding[] = [];
  const visit = (value: unknown, path: PathSegment[]): void => {
    if (typeof value === 'string') {
      const what = secretIn(value);
      if (what) findings.push({ path, message: `\`${display(path)}\` contains ${what}; ${ADVICE}` });
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
      if (typeof value !== 'string' || value === '' || !isSecretName(name)) continue;
      if (findings.some((f) => f.path.join('\0') === path.join('\0'))) continue;
      findings.push({
        path,
        message: `\`${display(path)}\` looks like a secret; secrets must not be baked into the image or written in slipway.yaml: keep it in a masked CI/CD variable and pass it to the container at run time`,
      });
    }
  }
  return findings;
}
