/**
 * A small type language for GitLab CI keyword values, and constructors that keep the keyword
 * table (table.ts) short and readable.
 *
 * The table is written from GitLab's CI/CD YAML reference, not generated from the JSON schema:
 * it says what GitLab accepts and carries the words the messages use ("a duration such as
 * `1 hour`"). The checker (check.ts) walks a YNode against a ValueType.
 */
import type { YMap, YNode } from '../yaml/nodes.js';

/**
 * Which structure rule reports problems found under a type. Types without an area report through
 * the generic rules (unknown-keyword, invalid-type, invalid-value, missing-keyword, conflicting-keywords).
 */
export type Area = 'when' | 'needs' | 'parallel' | 'rules-if';

interface Common {
  /** Words for messages: what the value must be ("a list of stage names"). Derived when absent. */
  describe?: string;
  /** `null` (or an empty value) is accepted. */
  nullable?: boolean;
  /** Problems under this type go to this area's rule. */
  area?: Area;
}

export interface StringType extends Common {
  kind: 'string';
  /** Reject ''. */
  nonEmpty?: boolean;
  maxLength?: number;
  /** Allowed values (an enum). */
  values?: readonly string[];
  /** A value check with the reason shown when it fails. */
  valid?: (value: string) => string | undefined;
  /** Accept numbers too (GitLab converts them, e.g. variable values). */
  acceptNumber?: boolean;
  /** Accept booleans too. */
  acceptBoolean?: boolean;
}

export interface BooleanType extends Common {
  kind: 'boolean';
}

export interface IntegerType extends Common {
  kind: 'integer';
  min?: number;
  max?: number;
}

export interface ListType extends Common {
  kind: 'list';
  items: ValueType;
  minItems?: number;
  maxItems?: number;
  unique?: boolean;
}

export interface MapType extends Common {
  kind: 'map';
  /** Known keys and their types. */
  keys?: Readonly<Record<string, ValueType>>;
  /** Type of the values of any other key (a dictionary such as `variables:`); unknown keys are errors when absent. */
  values?: ValueType;
  /** Check a dictionary's keys (e.g. input names). Returns the reason when bad. */
  validKey?: (key: string) => string | undefined;
  maxKeys?: number;
  required?: readonly string[];
  /** At least one key of each group must be present ("a secret needs a provider"). */
  requireOneOf?: ReadonlyArray<readonly string[]>;
  /** Keys that cannot be used together, as pairs. */
  exclusive?: ReadonlyArray<readonly [string, string]>;
  /** Key → keys it needs ("`ref` needs `project`"). */
  dependencies?: Readonly<Record<string, readonly string[]>>;
  /** Extra checks of the whole map, after its keys are checked. */
  check?: (map: YMap, report: ValueReporter) => void;
}

export interface UnionType extends Common {
  kind: 'union';
  options: readonly ValueType[];
  /** For several mapping options: pick the one that applies (e.g. by a discriminating key). */
  selectMap?: (map: YMap) => ValueType | undefined;
}

/** Any value (free-form data such as component inputs). */
export interface AnyType extends Common {
  kind: 'any';
}

/** A scalar of any type: string, number or boolean. */
export interface ScalarType extends Common {
  kind: 'scalar';
}

/** A value checked by code (e.g. `rules:if` expressions, `when`). */
export interface CustomType extends Common {
  kind: 'custom';
  /** The YAML kind it takes, for type errors and union selection. */
  takes: 'string' | 'scalar';
  check: (node: YNode, report: ValueReporter) => void;
}

export type ValueType = StringType | BooleanType | IntegerType | ListType | MapType | UnionType | AnyType | ScalarType | CustomType;

export type ProblemCategory = 'unknown-key' | 'type' | 'value' | 'missing-key' | 'conflict';

/** How a custom check or map check reports a problem. `at` defaults to the value checked. */
export interface ValueReporter {
  /** The keyword path of the value, GitLab style (`artifacts:reports:junit`). */
  readonly path: string;
  /** "in job `build`", "in `default`"; empty at the top level. */
  readonly where: string;
  report(category: ProblemCategory, message: string, at?: YNode | { file: YNode['file']; span: YNode['span'] }, area?: Area): void;
}

// ---- constructors -------------------------------------------------------------------------

export const str = (opts: Omit<StringType, 'kind'> = {}): StringType => ({ kind: 'string', ...opts });
export const nonEmptyStr = (opts: Omit<StringType, 'kind' | 'nonEmpty'> = {}): StringType => ({ kind: 'string', nonEmpty: true, ...opts });
export const oneOfStr = (values: readonly string[], opts: Omit<StringType, 'kind' | 'values'> = {}): StringType => ({ kind: 'string', values, ...opts });
export const bool = (opts: Omit<BooleanType, 'kind'> = {}): BooleanType => ({ kind: 'boolean', ...opts });
export const int = (opts: Omit<IntegerType, 'kind'> = {}): IntegerType => ({ kind: 'integer', ...opts });
export const scalar = (opts: Omit<ScalarType, 'kind'> = {}): ScalarType => ({ kind: 'scalar', ...opts });
export const any = (opts: Omit<AnyType, 'kind'> = {}): AnyType => ({ kind: 'any', ...opts });
export const list = (items: ValueType, opts: Omit<ListType, 'kind' | 'items'> = {}): ListType => ({ kind: 'list', items, ...opts });
export const map = (keys: Record<string, ValueType>, opts: Omit<MapType, 'kind' | 'keys'> = {}): MapType => ({ kind: 'map', keys, ...opts });
export const dict = (values: ValueType, opts: Omit<MapType, 'kind' | 'values'> = {}): MapType => ({ kind: 'map', values, ...opts });
export const union = (options: ValueType[], opts: Omit<UnionType, 'kind' | 'options'> = {}): UnionType => ({ kind: 'union', options, ...opts });
export const custom = (takes: CustomType['takes'], describe: string, check: CustomType['check'], opts: Omit<CustomType, 'kind' | 'takes' | 'check' | 'describe'> = {}): CustomType => ({
  kind: 'custom',
  takes,
  describe,
  check,
  ...opts,
});

/** The words for "must be …" in messages. */
export function describeType(type: ValueType): string {
  if (type.describe) return type.describe;
  switch (type.kind) {
    case 'string':
      if (type.values) return `one of ${type.values.map((v) => `\`${v}\``).join(', ')}`;
      return type.nonEmpty ? 'a non-empty string' : 'a string';
    case 'boolean':
      return '`true` or `false`';
    case 'integer':
      if (type.min !== undefined && type.max !== undefined) return `a whole number from ${type.min} to ${type.max}`;
      if (type.min !== undefined) return `a whole number of at least ${type.min}`;
      return 'a whole number';
    case 'scalar':
      return 'a string, number or boolean';
    case 'any':
      return 'any value';
    case 'list': {
      const items = type.items;
      if (items.kind === 'string' && !items.values) return 'a list of strings';
      if (items.kind === 'integer') return 'a list of whole numbers';
      return `a list (each item ${describeType(items)})`;
    }
    case 'map':
      return 'a mapping';
    case 'union':
      return type.options.map(describeType).join(' or ');
    case 'custom':
      return type.describe ?? 'a valid value';
  }
}
