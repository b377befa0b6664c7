/** The subset of JSON Schema (draft 2020-12) that slipway's descriptor schema uses. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  title?: string;
  description?: string;
  type?: JsonType | JsonType[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  required?: string[];
  items?: JsonSchema;
  enum?: (string | number | boolean)[];
  pattern?: string;
  /**
   * Message shown when `pattern` does not match. Not standard JSON Schema, but understood by
   * VS Code's and yaml-language-server's JSON language service, so editors show the same hint.
   */
  patternErrorMessage?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  examples?: unknown[];
  if?: JsonSchema;
  not?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
  const?: string | number | boolean;
}

export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'null';

/** Resolves a local `#/$defs/NAME` reference against the root schema (one level, as used here). */
export function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace(/^#\/\$defs\//, '');
  const target = root.$defs?.[name];
  if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
  // Sibling keywords (description, default) refine the referenced definition.
  const { $ref: _ref, ...siblings } = schema;
  return { ...target, ...siblings };
}

/** The sub-schema that describes the value at `path` (object keys and array indices), if any. */
export function schemaAt(root: JsonSchema, path: readonly (string | number)[]): JsonSchema | undefined {
  let current: JsonSchema | undefined = resolveRef(root, root);
  for (const segment of path) {
    if (!current) return undefined;
    if (typeof segment === 'number') current = current.items;
    else if (current.properties?.[segment]) current = current.properties[segment];
    else if (typeof current.additionalProperties === 'object') current = current.additionalProperties;
    else return undefined;
    if (current) current = resolveRef(current, root);
  }
  return current;
}
