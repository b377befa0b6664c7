/** slipway's library API. */
export type { Finding, Severity, FileKind, Rule, RuleMeta } from './lint/engine/types.js';
export { generate, possibleOutputs, writeGenerated, planWrite, provenance, UnsafeValueError } from './generate/index.js';
export type { GeneratedFile, GeneratedKind, WriteOptions, WriteReport, FileReport, FileState, Provenance } from './generate/index.js';
