import type { SecretHit, SourceFile } from '../../engine/types.js';
import { shannonEntropy } from '../entropy.js';
import { secretHit } from '../hit.js';

/**
 * secretlint's recommended preset, run in-process: ~25 maintained provider rules (AWS,
 * GCP, GitHub, GitLab PAT, npm, Slack, OpenAI, Anthropic, Stripe, Docker Hub, Vault, …),
 * opt-in by design so that false positives stay rare. It is loaded lazily (a 230 kB module)
 * by `loadSecretlint`, then costs ~0.15 ms per small file.
 *
 * Hits become SecretHits. secretlint's `range` is not always the secret's: its AWS rule
 * reports [start of the whole match, + length of the key], i.e. `AWS_SECRET_ACCESS_KEY=…`
 * cut short. So secretlint runs unmasked, the secret value from the message's data is
 * looked up in the file from the range's start, and that is the span; the message text
 * itself is never kept (slipway masks from the file). Not taken over:
 * - basic-auth and database connection strings: slipway's url detector reports the same
 *   URLs with the password alone as span and skips CI service-container defaults;
 * - placeholders in a token format (`glpat-xxxxxxxxxxxxxxxxxxxx`, `AKIAXXXXXXXXXXXXXXXX`):
 *   a value under PLACEHOLDER_ENTROPY bits per character is documentation, not a token.
 * secretlint's `secretlint-disable` comments stay honoured (its filter-comments rule).
 */

type LintSource = typeof import('@secretlint/core').lintSource;
type SecretlintConfig = Parameters<LintSource>[0]['options']['config'];

interface Secretlint {
  lintSource: LintSource;
  config: SecretlintConfig;
}

/** Rules whose hits slipway's own detectors replace. */
const REPLACED_RULES = new Set(['@secretlint/secretlint-rule-basicauth', '@secretlint/secretlint-rule-database-connection-string']);

/** Real tokens have 3.5–6 bits per character; `glpat-xxxxxxxxxxxxxxxxxxxx` has 1.4. */
const PLACEHOLDER_ENTROPY = 3;

/** Files larger than this are scanned by slipway's own (linear) detectors only. */
export const SECRETLINT_MAX_BYTES = 4 * 1024 * 1024;

let loading: Promise<Secretlint> | undefined;

export function loadSecretlint(): Promise<Secretlint> {
  loading ??= (async () => {
    const [{ lintSource }, { creator }, { secretLintProfiler }] = await Promise.all([
      import('@secretlint/core'),
      import('@secretlint/secretlint-rule-preset-recommend'),
      import('@secretlint/profiler'),
    ]);
    // On by default: a performance mark per rule and file, kept for the life of the process (a few
    // percent of lint time, and memory that grows with every file linted).
    secretLintProfiler.setEnabled(false);
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
    options: { config, maskSecrets: false, noPhysicFilePath: true },
  });
  const hits: SecretHit[] = [];
  for (const message of result.messages) {
    if (REPLACED_RULES.has(message.ruleId)) continue;
    const [start, end] = message.range;
    if (!(start >= 0 && end > start && end <= text.length)) continue;
    const values = dataValues(message.data);
    const span = locate(text, start, end, values);
    if (shannonEntropy(text.slice(span.start, span.end)) < PLACEHOLDER_ENTROPY) continue;
    hits.push(secretHit(text, detectorId(message.messageId), whatOf(message.message, values, message.messageId), span.start, span.end));
  }
  return hits;
}

/** `AWSSecretAccessKey` → `aws-secret-access-key`; `GITHUB_TOKEN` → `github-token`. */
export function detectorId(messageId: string): string {
  return messageId
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/(?<![A-Z])([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

/** The string values of a message's data (the secret, unmasked), longest first. */
function dataValues(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return [];
  return Object.values(data)
    .filter((v): v is string => typeof v === 'string' && v.length >= 8)
    .sort((a, b) => b.length - a.length);
}

/** The secret's own span: a data value that starts inside the reported range, else the range. */
function locate(text: string, start: number, end: number, values: readonly string[]): { start: number; end: number } {
  for (const value of values) {
    const at = text.indexOf(value, start);
    if (at >= 0 && at < end) return { start: at, end: at + value.length };
  }
  return { start, end };
}

/** "found GitLab Personal Access Token: <secret>" → "GitLab Personal Access Token" (secret removed first). */
export function whatOf(message: string, secrets: readonly string[], messageId: string): string {
  let text = message;
  for (const secret of secrets) text = text.split(secret).join('');
  const colon = text.lastIndexOf(':');
  const head = (colon >= 0 ? text.slice(0, colon) : text).replace(/^found /i, '').trim();
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
