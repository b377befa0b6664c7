/** The descriptor (slipway.yaml): schema, presets, loading into the Project model. */
export type { Project } from './model.js';
export type { LintConfig } from './lint-config.js';
export { loadProject, loadResolution, formatWarning, DESCRIPTOR_FILE, type LoadOptions } from './load.js';
export { resolveDescriptor, resolveDescriptorWithWarnings, type ResolveOptions, type Resolution } from './resolve.js';
export { descriptorSchema, lintConfigSchema, presetSchema, SCHEMA_ID } from './schema.js';
export { resolveLintConfig } from './lint-config.js';
export { listPresets } from './presets.js';
