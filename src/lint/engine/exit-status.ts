import type { FailureThreshold } from './config.js';
import { SEVERITY_RANK } from './engine-rules.js';
import { INTERNAL_ERROR_RULE, PARSE_ERROR_RULE, type Finding } from './types.js';

/**
 * 2 when a file could not be read or parsed or slipway crashed on it; else 1 when a finding
 * is at or above the threshold (`none`: never); else 0.
 */
export function exitStatus(findings: readonly Finding[], pathErrors: number, threshold: FailureThreshold): 0 | 1 | 2 {
  if (pathErrors > 0 || findings.some((f) => f.ruleId === PARSE_ERROR_RULE || f.ruleId === INTERNAL_ERROR_RULE)) return 2;
  if (threshold === 'none') return 0;
  const min = SEVERITY_RANK[threshold];
  return findings.some((f) => SEVERITY_RANK[f.severity] >= min) ? 1 : 0;
}
