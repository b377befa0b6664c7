import type { SecretHit, SourceFile } from '../../engine/types.js';
import { secretHit } from '../hit.js';

/**
 * secretlint's recommended preset, run in-process: ~25 maintained provider rules (AWS,
 * GCP, GitHub, GitLab PAT, npm, Slack, OpenAI, Anthropic, Stripe, Docker Hub, Vault, …),
 * opt-in by design so that false positives stay rare. It is loaded lazily (a 230 kB module)
 * by `loadSecretlint`, then costs ~0.15 ms per small file.
 *
 * Hits become SecretHits with secretlint's own ranges; the message's masked text is never
 * used (slipway masks from the file). Not taken over:
 * - basic-auth and database connection strings: slipway's url detector reports the same
 *   URLs with the password alone as span and skips CI service-container defaults;
 * - secretlint's `secretlint-disable` comments stay honoured (its filter-comments rule).
 */

type LintSource = typeof import('@secretlint/core').lintSource;
type SecretlintConfig = Parameters<LintSource>[0]['options']['config'];

interface Secretlint {
  lintSource: LintSource;
  config: SecretlintConfig;
}

/** Rules whose hits slipway's own detectors replace. */
const REPLACED_RULES = new Set(['@secretlint/secretlint-rule-basicauth', '@secretlint/secretlint-rule-database-connection-string']);

/** Files larger than this are scanned by slipway's own (linear) detectors only. */
export const SECRETLINT_MAX_BYTES = 4 * 1024 * 1024;

let loading: Promise<Secretlint> | undefined;

export function loadSecretlint(): Promise<Secretlint> {
  loading ??= (async () => {
    const [{ lintSource }, { creator }] = await Promise.all([
      import('@secretlint/core'),
      import('@secretlint/secretlint-rule-preset-recommend'),
    ]);
    const config: SecretlintConfig = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator }] };
    return { lintSource, config };
  })();
  return loading;
}

export async function findWithSecretlint(file: SourceFile): Promise<SecretHit[]> {
  const text = file.text;
  if (text.length > SECRETLINT_MAX_BYTES) return [];
  const { lintSource, config } = await loadSecretlint();
  const name = baseName(file.path);
  const result = await lintSource({
    source: { content: text, filePath: `/slipway-virtual/${name}`, ext: extension(name), contentType: 'text' },
    options: { config, maskSecrets: true, noPhysicFilePath: true },
  });
  const hits: SecretHit[] = [];
  for (const message of result.messages) {
    if (REPLACED_RULES.has(message.ruleId)) continue;
    const [start, end] = message.range;
    if (!(start >= 0 && end > start && end <= text.length)) continue;
    hits.push(secretHit(text, detectorId(message.messageId), whatOf(message.message, message.messageId), start, end));
  }
  return hits;
}

/** `AWSSecretAccessKey` → `aws-secret-access-key`; `GITHUB_TOKEN` → `github-token`. */
export function detectorId(messageId: string): string {
  return messageId
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

/** "found GitLab Personal Access Token: ****" → "GitLab Personal Access Token". */
export function whatOf(message: string, messageId: string): string {
  const colon = message.lastIndexOf(': ');
  const head = (colon >= 0 ? message.slice(0, colon) : message).replace(/^found /i, '').trim();
  return head.length > 0 ? head : messageId;
}

function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  const name = slash >= 0 ? path.slice(slash + 1) : path;
  return name.length > 0 ? name : 'stdin';
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}
