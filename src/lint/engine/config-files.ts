import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { FAILURE_THRESHOLDS, RULE_SETTINGS, type ConfigLayer, type FailureThreshold, type RuleSetting, type Where } from './config.js';
import { describeFsError, reportPath } from './discovery.js';
import { LintConfigError, type ConfigProblem } from './errors.js';
import { readHadolintConfig } from './hadolint-config.js';
import { checkLabelSchema, isRecord, isStringList } from './config-values.js';
import { importOptional } from './optional-module.js';
import { YamlSource, type YamlPath } from './yaml-source.js';
import { didYouMean } from '../../util/text.js';

const SLIPWAY_KEYS = ['failureThreshold', 'rules', 'ignore', 'trustedRegistries', 'labelSchema', 'strictLabels'] as const;

/** Configuration files looked up in the lint root, in increasing precedence. */
export const HADOLINT_CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'];
export const SLIPWAY_CONFIG_NAMES = ['.slipway.yaml', '.slipway.yml'];
export const DESCRIPTOR_NAME = 'slipway.yaml';

/**
 * Reads the configuration layers of a lint root: `.hadolint.yaml` (lowest), then the `lint:`
 * section of slipway.yaml or `.slipway.yaml` (both at once is an error). With `configFile`,
 * only that file is read; its form follows its name (`*hadolint*` → hadolint's keys,
 * `slipway.yaml` → its `lint:` section, anything else → the keys at the top level).
 */
export async function readConfigLayers(root: string, configFile?: string): Promise<ConfigLayer[]> {
  if (configFile !== undefined) {
    const abs = resolve(root, configFile);
    const name = basename(abs);
    const form = /hadolint/i.test(name) ? 'hadolint' : name === DESCRIPTOR_NAME || name === 'slipway.yml' ? 'descriptor' : 'top';
    const layer = await readLayer(root, abs, form, true);
    return layer ? [layer] : [];
  }
  const layers: ConfigLayer[] = [];
  const hadolint = HADOLINT_CONFIG_NAMES.map((n) => resolve(root, n)).find(existsSync);
  if (hadolint) {
    const layer = await readLayer(root, hadolint, 'hadolint', false);
    if (layer) layers.push(layer);
  }
  const own: ConfigLayer[] = [];
  const descriptor = resolve(root, DESCRIPTOR_NAME);
  if (existsSync(descriptor)) {
    const layer = await readLayer(root, descriptor, 'descriptor', false);
    if (layer) own.push(layer);
  }
  const dotfile = SLIPWAY_CONFIG_NAMES.map((n) => resolve(root, n)).find(existsSync);
  if (dotfile) {
    const layer = await readLayer(root, dotfile, 'top', false);
    if (layer) own.push(layer);
  }
  if (own.length > 1) {
    throw new LintConfigError([
      {
        file: own[1]!.source,
        message: `lint configuration is given both here and in the lint: section of ${own[0]!.source}; keep one of them`,
      },
    ]);
  }
  return [...layers, ...own];
}

async function readLayer(
  root: string,
  abs: string,
  form: 'hadolint' | 'descriptor' | 'top',
  explicit: boolean,
): Promise<ConfigLayer | undefined> {
  const path = reportPath(root, abs);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (err) {
    throw new LintConfigError([{ file: path, message: describeFsError(err, 'cannot read the lint configuration') }]);
  }
  const src = new YamlSource(path, text);
  const syntax = src.syntaxProblems();
  if (syntax.length > 0) throw new LintConfigError(syntax);
  if (form === 'hadolint') return readHadolintConfig(src);
  const all = src.toJS();
  let base: YamlPath = [];
  let section: unknown = all;
  if (form === 'descriptor') {
    if (!isRecord(all) || all.lint === undefined || all.lint === null) {
      if (explicit) throw new LintConfigError([{ file: path, line: 1, column: 1, message: 'this file has no lint: section' }]);
      return undefined;
    }
    base = ['lint'];
    section = all.lint;
  }
  if (section === null || section === undefined) return { source: path, rules: [], ignore: [] };
  return readSlipwayConfig(src, base, section);
}

/** Checks the slipway form of the lint configuration and turns it into a layer. */
export async function readSlipwayConfig(src: YamlSource, base: YamlPath, section: unknown): Promise<ConfigLayer> {
  const problems: ConfigProblem[] = [];
  const at = (path: YamlPath, message: string, atKey = false) => problems.push(src.problem([...base, ...path], message, atKey));
  const where = (path: YamlPath, atKey = false): Where => {
    const p = src.problem([...base, ...path], '', atKey);
    return { file: p.file, line: p.line, column: p.column };
  };
  const layer: ConfigLayer = { source: src.path, rules: [], ignore: [] };
  const where0 = base.length ? 'the lint: section' : 'the lint configuration';
  if (!isRecord(section)) {
    at([], `${where0} must be a mapping of ${SLIPWAY_KEYS.join(', ')}`);
    throw new LintConfigError(problems);
  }
  for (const key of Object.keys(section)) {
    if (!(SLIPWAY_KEYS as readonly string[]).includes(key)) {
      const guess = didYouMean(key, SLIPWAY_KEYS);
      at([key], `unknown key "${key}" in ${where0}${guess ? `; did you mean "${guess}"?` : ''} (allowed: ${SLIPWAY_KEYS.join(', ')})`, true);
    }
  }
  const { failureThreshold, rules, ignore, trustedRegistries, labelSchema, strictLabels } = section;
  if (failureThreshold !== undefined) {
    if (typeof failureThreshold === 'string' && (FAILURE_THRESHOLDS as readonly string[]).includes(failureThreshold)) {
      layer.failureThreshold = failureThreshold as FailureThreshold;
    } else at(['failureThreshold'], `failureThreshold must be one of ${FAILURE_THRESHOLDS.join(', ')}`);
  }
  if (rules !== undefined && rules !== null) {
    if (!isRecord(rules)) at(['rules'], 'rules must be a mapping of rule id, alias or glob to a severity or off');
    else {
      for (const [name, setting] of Object.entries(rules)) {
        const value = setting === false ? 'off' : setting;
        if (typeof value === 'string' && (RULE_SETTINGS as readonly string[]).includes(value)) {
          layer.rules.push({ name, setting: value as RuleSetting, where: where(['rules', name], true) });
        } else at(['rules', name], `the setting of "${name}" must be one of ${RULE_SETTINGS.join(', ')}`);
      }
    }
  }
  if (ignore !== undefined && ignore !== null) {
    if (!Array.isArray(ignore)) at(['ignore'], 'ignore must be a list of {paths: [patterns], rules: [rule ids]} entries');
    else
      ignore.forEach((entry, i) => {
        if (!isRecord(entry)) return void at(['ignore', i], 'an ignore entry must be a mapping with paths (and optionally rules)');
        for (const key of Object.keys(entry)) {
          if (key !== 'paths' && key !== 'rules') at(['ignore', i, key], `unknown key "${key}" in an ignore entry (allowed: paths, rules)`, true);
        }
        if (!isStringList(entry.paths) || entry.paths.length === 0) {
          return void at(['ignore', i, ...(entry.paths === undefined ? [] : ['paths'])], 'an ignore entry needs paths: a non-empty list of path patterns');
        }
        if (entry.rules !== undefined && !isStringList(entry.rules)) return void at(['ignore', i, 'rules'], 'rules must be a list of rule ids');
        layer.ignore.push({
          paths: entry.paths,
          rules: (entry.rules as string[] | undefined)?.map((name, j) => ({ name, where: where(['ignore', i, 'rules', j]) })),
          where: where(['ignore', i]),
        });
      });
  }
  if (trustedRegistries !== undefined) {
    if (isStringList(trustedRegistries)) layer.trustedRegistries = trustedRegistries;
    else at(['trustedRegistries'], 'trustedRegistries must be a list of registry host names');
  }
  if (labelSchema !== undefined) {
    const schema = checkLabelSchema(labelSchema, (path, m) => at(['labelSchema', ...path], m));
    if (schema) layer.labelSchema = schema;
  }
  if (strictLabels !== undefined) {
    if (typeof strictLabels === 'boolean') layer.strictLabels = strictLabels;
    else at(['strictLabels'], 'strictLabels must be true or false');
  }
  if (problems.length > 0) throw new LintConfigError(problems);
  // The published schema has the last word on what this code does not check (e.g. host names).
  const schemaProblems = await schemaCheck(src, base, section);
  if (schemaProblems.length > 0) throw new LintConfigError(schemaProblems);
  return layer;
}

interface SchemaModule {
  lintConfigSchema?: object;
}

let validator: Promise<((data: unknown) => ErrorObject[]) | undefined> | undefined;

/** Validates with the descriptor's published JSON schema of the lint section, when it exists. */
async function schemaCheck(src: YamlSource, base: YamlPath, section: unknown): Promise<ConfigProblem[]> {
  validator ??= (async () => {
    const mod = await importOptional<SchemaModule>(import.meta.url, '../../descriptor/schema.js');
    if (!mod?.lintConfigSchema) return undefined;
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false, allowUnionTypes: true });
    ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
    const validate = ajv.compile(mod.lintConfigSchema);
    return (data: unknown) => (validate(data) ? [] : [...(validate.errors ?? [])]);
  })();
  const validate = await validator;
  if (!validate) return [];
  return validate(section).map((e) => {
    const path = e.instancePath
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : '';
    const allowed = e.keyword === 'enum' ? `: ${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')}` : '';
    const custom = (e.parentSchema as { patternErrorMessage?: string } | undefined)?.patternErrorMessage;
    const message = e.keyword === 'pattern' && custom ? custom : `${e.message ?? 'is invalid'}${extra}${allowed}`;
    const name = path.length ? path.join('.') : base.length ? 'lint' : 'the configuration';
    return src.problem([...base, ...path], `${name} ${message}`);
  });
}
