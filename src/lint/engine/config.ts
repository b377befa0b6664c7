import ignore, { type Ignore } from 'ignore';
import { ENGINE_RULES, engineRule } from './engine-rules.js';
import { LintConfigError, type ConfigProblem } from './errors.js';
import { isHadolintCode, resolveRuleName, type KindRegistry } from './registry.js';
import { SEVERITIES, type RuleOptions, type Severity } from './types.js';
import { pushAll } from '../../util/push-all.js';

/** A rule's severity in configuration, or `off`. */
export type RuleSetting = Severity | 'off';
export const RULE_SETTINGS: readonly RuleSetting[] = [...SEVERITIES, 'off'];

/**
 * Lowest severity that makes `slipway lint` exit 1; `none` never fails on findings (parse
 * errors, internal errors and unreadable files still exit 2).
 */
export type FailureThreshold = Severity | 'none';
export const FAILURE_THRESHOLDS: readonly FailureThreshold[] = [...SEVERITIES, 'none'];
export const DEFAULT_FAILURE_THRESHOLD: FailureThreshold = 'warning';

/**
 * The `lint:` section of slipway.yaml, or the top level of `.slipway.yaml`, as written.
 *
 * ```yaml
 * lint:
 *   failureThreshold: warning          # error | warning | info | style | none
 *   rules:                             # id, alias (DL3008) or glob (dockerfile/*); later entries win
 *     dockerfile/*: warning
 *     DL3008: off
 *   ignore:
 *     - paths: [vendor/**]             # .gitignore-style patterns relative to the lint root
 *     - paths: [docker/legacy.Dockerfile]
 *       rules: [dockerfile/no-root-user]
 *   trustedRegistries: [registry.example.com]
 *   labelSchema: {maintainer: email}
 *   strictLabels: true
 * ```
 */
export interface LintConfig {
  failureThreshold?: FailureThreshold;
  rules?: Record<string, RuleSetting>;
  ignore?: { paths: string[]; rules?: string[] }[];
  trustedRegistries?: string[];
  labelSchema?: Record<string, string>;
  strictLabels?: boolean;
}

/** Where a configuration value was written (absent for command-line flags and the library API). */
export interface Where {
  file?: string;
  line?: number;
  column?: number;
  /** How to name the setting in a message when there is no file, e.g. `--rule`. */
  label?: string;
}

/** One source of configuration, already checked for shape; names are resolved when layers are merged. */
export interface ConfigLayer {
  source: string;
  failureThreshold?: FailureThreshold;
  /** Applied in order: a later entry overrides an earlier one for the same rule. */
  rules: { name: string; setting: RuleSetting; where: Where; hadolint?: boolean }[];
  ignore: { paths: string[]; rules?: { name: string; where: Where }[]; where: Where }[];
  trustedRegistries?: string[];
  labelSchema?: Record<string, string>;
  strictLabels?: boolean;
  /** False turns inline suppression comments off (hadolint's `disable-ignore-pragma`). */
  inlineSuppressions?: boolean;
}

/** The configuration in force for one lint run. */
export interface ResolvedConfig {
  failureThreshold: FailureThreshold;
  /** Configured setting of a rule id, or undefined to use the rule's default severity. */
  settings: ReadonlyMap<string, RuleSetting>;
  /** True when the configuration excludes the file (report path) from linting. */
  excludesFile(path: string): boolean;
  /** True when the configuration ignores this rule's findings in this file. */
  ignoresFinding(path: string, ruleId: string): boolean;
  options: RuleOptions;
  inlineSuppressions: boolean;
  /** Configuration files read, by report path. */
  sources: string[];
}

/** The severity a rule runs with, or `off`. */
export function effectiveSetting(config: Pick<ResolvedConfig, 'settings'>, ruleId: string, defaultSeverity: Severity): RuleSetting {
  return config.settings.get(ruleId) ?? defaultSeverity;
}

/** Converts library-API configuration (`LintConfig`) into a layer; names are checked on merge. */
export function layerFromConfig(config: LintConfig, source = 'options'): ConfigLayer {
  const where: Where = { label: source };
  return {
    source,
    failureThreshold: config.failureThreshold,
    rules: Object.entries(config.rules ?? {}).map(([name, setting]) => ({ name, setting, where })),
    ignore: (config.ignore ?? []).map((e) => ({ paths: e.paths, rules: e.rules?.map((name) => ({ name, where })), where })),
    trustedRegistries: config.trustedRegistries,
    labelSchema: config.labelSchema,
    strictLabels: config.strictLabels,
  };
}

/**
 * Merges layers (lowest precedence first): scalars from the later layer win, lists are
 * concatenated, rule settings apply in order. Every unknown rule name is a problem, except
 * hadolint codes slipway has no rule for (so a `.hadolint.yaml` works unedited).
 */
export function resolveConfig(registry: KindRegistry, layers: readonly ConfigLayer[]): ResolvedConfig {
  const problems: ConfigProblem[] = [];
  const settings = new Map<string, RuleSetting>();
  let failureThreshold = DEFAULT_FAILURE_THRESHOLD;
  const trusted: string[] = [];
  let labelSchema: Record<string, string> | undefined;
  let strictLabels: boolean | undefined;
  let inlineSuppressions = true;
  const excluded: Ignore[] = [];
  const ruleIgnores: { matcher: Ignore; rules: Set<string> }[] = [];

  const resolveName = (name: string, where: Where, hadolint: boolean): string[] => {
    const result = resolveRuleName(registry, name);
    if ('ids' in result) return result.ids;
    if (!(hadolint && isHadolintCode(name))) problems.push(problemAt(where, result.error));
    return [];
  };

  for (const layer of layers) {
    if (layer.failureThreshold !== undefined) failureThreshold = layer.failureThreshold;
    for (const entry of layer.rules) {
      for (const id of resolveName(entry.name, entry.where, entry.hadolint ?? false)) {
        const engine = engineRule(id);
        if (engine && !engine.configurable) {
          problems.push(problemAt(entry.where, `"${id}" is reported by the engine itself and cannot be configured`));
          continue;
        }
        settings.set(id, entry.setting);
      }
    }
    for (const entry of layer.ignore) {
      const matcher = ignore().add(entry.paths);
      if (!entry.rules) {
        excluded.push(matcher);
        continue;
      }
      const ids = new Set(entry.rules.flatMap((r) => resolveName(r.name, r.where, false)));
      ruleIgnores.push({ matcher, rules: ids });
    }
    if (layer.trustedRegistries) pushAll(trusted, layer.trustedRegistries);
    if (layer.labelSchema) labelSchema = { ...labelSchema, ...layer.labelSchema };
    if (layer.strictLabels !== undefined) strictLabels = layer.strictLabels;
    if (layer.inlineSuppressions !== undefined) inlineSuppressions = layer.inlineSuppressions;
  }
  if (problems.length > 0) throw new LintConfigError(problems);

  const matches = (m: Ignore, path: string) => isRelativeInside(path) && m.ignores(path);
  const options: RuleOptions = {};
  if (trusted.length > 0) options.trustedRegistries = [...new Set(trusted)];
  if (labelSchema) options.labelSchema = labelSchema;
  if (strictLabels !== undefined) options.strictLabels = strictLabels;
  return {
    failureThreshold,
    settings,
    excludesFile: (path) => excluded.some((m) => matches(m, path)),
    ignoresFinding: (path, ruleId) => ruleIgnores.some((e) => e.rules.has(ruleId) && matches(e.matcher, path)),
    options,
    inlineSuppressions,
    sources: layers.map((l) => l.source).filter((s) => s !== 'defaults'),
  };
}

/** `ignore` accepts only clean relative paths; files outside the root are never matched. */
function isRelativeInside(path: string): boolean {
  return path !== '' && path !== '.' && !path.startsWith('../') && !path.startsWith('/') && !/^[A-Za-z]:/.test(path);
}

export function problemAt(where: Where, message: string): ConfigProblem {
  return {
    file: where.file,
    line: where.line,
    column: where.column,
    message: where.file === undefined && where.label ? `${where.label}: ${message}` : message,
  };
}

/** Ids of the engine's configurable findings, for messages. */
export const CONFIGURABLE_ENGINE_RULES = ENGINE_RULES.filter((r) => r.configurable).map((r) => r.id);
