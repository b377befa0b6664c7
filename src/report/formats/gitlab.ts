import type { Severity } from '../../lint/engine/types.js';
import type { Formatter } from '../context.js';
import { fingerprints } from '../fingerprint.js';

/** Code Quality severities, as hadolint's gitlab_codeclimate maps them. */
const SEVERITY: Record<Severity, string> = { error: 'blocker', warning: 'major', info: 'info', style: 'minor' };

/**
 * GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array of
 * `{description, check_name, fingerprint, severity, location: {path, lines: {begin}}}`,
 * paths relative to the repository root, fingerprints stable across runs and line shifts.
 */
export const gitlab: Formatter = (findings, ctx) => {
  const prints = fingerprints(findings, ctx);
  return `${JSON.stringify(
    findings.map((f, i) => ({
      description: `${f.message} [${f.ruleId}]`,
      check_name: f.ruleId,
      fingerprint: prints[i],
      severity: f.ruleId === 'parse-error' || f.ruleId === 'internal-error' ? 'blocker' : SEVERITY[f.severity],
      location: { path: ctx.repoPath(f.file), lines: { begin: f.line, end: f.endLine } },
    })),
    null,
    2,
  )}\n`;
};
