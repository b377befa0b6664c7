/** The published schema files (`schema/` in the package) and their exact content. */
import type { JsonSchema } from './json-schema.js';
import { descriptorSchema, lintConfigSchema } from './schema.js';

export function schemaJson(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Package-relative path → content, for every generated schema/docs file. */
export function publishedSchemaFiles(): Record<string, string> {
  return {
    'schema/slipway.schema.json': schemaJson(descriptorSchema),
    'schema/slipway-lint.schema.json': schemaJson(lintConfigSchema),
  };
}
