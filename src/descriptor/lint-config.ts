/**
 * The lint configuration: the `lint:` section of slipway.yaml, or the top level of a
 * `.slipway.yaml` file. Validated here; interpreted by the lint engine.
 */
import { InputErrors } from '../cli/errors.js';
import { lintConfigSchema } from './schema.js';
import { validateAgainstSchema } from './validate.js';
import { parseYamlSource } from './yaml-source.js';
import type { LintConfig } from '../lint/engine/config.js';

/** The shape is the lint engine's; this module validates it (schema, positions). */
export type { LintConfig } from '../lint/engine/config.js';

/**
 * Parses and validates a `.slipway.yaml` lint configuration. An empty file is an empty
 * configuration. Throws InputErrors (positioned) for bad YAML or keys.
 */
export function resolveLintConfig(text: string, fileName: string): LintConfig {
  const parsed = parseYamlSource(text, fileName);
  if (!parsed.ok) throw new InputErrors(parsed.errors);
  if (parsed.source.value === null || parsed.source.value === undefined) return {};
  const errors = validateAgainstSchema(parsed.source, lintConfigSchema);
  if (errors.length) throw new InputErrors(errors);
  return parsed.source.value as LintConfig;
}
