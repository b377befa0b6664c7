/**
 * slipway's library API: generate delivery files from a descriptor, lint and fix files.
 *
 *   import { loadProject, generate, writeGenerated, lint, lintText, fixText, formatters } from 'slipway';
 */
import type { Formatter } from './report/context.js';
import { FORMATS, type FormatName } from './report/formats/index.js';

export type { Finding, Fix, Severity, FileKind, Rule, RuleMeta } from './lint/engine/types.js';

// Descriptor
export { loadProject, resolveDescriptor, resolveDescriptorWithWarnings, descriptorSchema, listPresets, DESCRIPTOR_FILE } from './descriptor/index.js';
export type { Project, LoadOptions, ResolveOptions, Resolution } from './descriptor/index.js';

// Generator
export { generate, possibleOutputs, writeGenerated, planWrite, unifiedDiff, provenance, UnsafeValueError } from './generate/index.js';
export type { GeneratedFile, GeneratedKind, WriteOptions, WriteReport, FileReport, FileState, Provenance } from './generate/index.js';

// Linter
export { lint, lintText, fixText, applyFixes, applyFixesDetailed, loadRegistry, LintConfigError } from './lint/index.js';
export type { LintOptions, LintResult, LintTextOptions, LintConfig, FailureThreshold, RuleSetting, PathError } from './lint/index.js';
export { lintAndFix, writeFixes, fixDiff, MAX_FIX_PASSES } from './lint/fix/index.js';
export type { FixRun, FixedFile } from './lint/fix/index.js';

// Report formats
export { plainContext } from './report/context.js';
export type { FormatContext, Formatter } from './report/context.js';
export type { FormatName } from './report/formats/index.js';

/** The report formats of `slipway lint --format`, by name: `formatters.json(findings, plainContext())`. */
export const formatters: Readonly<Record<FormatName, Formatter>> = Object.freeze(
  Object.fromEntries(Object.entries(FORMATS).map(([name, f]) => [name, f.format])) as Record<FormatName, Formatter>,
);
