/** slipway's library API. */
export type { Finding, Severity, FileKind, Rule, RuleMeta } from './lint/engine/types.js';
