import type { ConfigLayer, FailureThreshold, RuleSetting, Where } from './config.js';
import { checkLabelSchema, isRecord, isStringList } from './config-values.js';
import { LintConfigError, type ConfigProblem } from './errors.js';
import type { YamlPath, YamlSource } from './yaml-source.js';

/**
 * hadolint's `failure-threshold` → slipway's. hadolint's `none`/`ignore` mean "every finding
 * fails", which is slipway's `style`; slipway's own `none` means "never fail on findings",
 * which is hadolint's `no-fail`.
 */
const THRESHOLDS: Record<string, FailureThreshold> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  style: 'style',
  ignore: 'style',
  none: 'style',
};

/** Keys of hadolint's configuration that concern its own output or its CLI: accepted and not used. */
const IGNORED_KEYS = ['format', 'formats', 'no-color', 'verbose', 'output', 'shell'];

/**
 * Reads a `.hadolint.yaml` into a configuration layer: `ignored` → off, `override.<level>` →
 * severities (a code in several lists gets the most severe, as in hadolint, and `ignored`
 * wins over all), `trustedRegistries`, `label-schema`, `strict-labels`, `failure-threshold`,
 * `no-fail`, `disable-ignore-pragma`. Codes are mapped through rule aliases; codes slipway has
 * no rule for (other DL rules, ShellCheck's SC codes) are accepted and have no effect.
 */
export function readHadolintConfig(src: YamlSource): ConfigLayer {
  const problems: ConfigProblem[] = [];
  const at = (path: YamlPath, message: string, atKey = false) => problems.push(src.problem(path, message, atKey));
  const where = (path: YamlPath): Where => {
    const p = src.problem(path, '');
    return { file: p.file, line: p.line, column: p.column };
  };
  const layer: ConfigLayer = { source: src.path, rules: [], ignore: [] };
  const all = src.toJS();
  if (all === null || all === undefined) return layer;
  if (!isRecord(all)) {
    at([], 'a hadolint configuration must be a mapping');
    throw new LintConfigError(problems);
  }
  const known = ['ignored', 'override', 'trustedRegistries', 'label-schema', 'strict-labels', 'failure-threshold', 'no-fail', 'disable-ignore-pragma'];
  for (const key of Object.keys(all)) {
    if (!known.includes(key) && !IGNORED_KEYS.includes(key)) at([key], `unknown hadolint configuration key "${key}"`, true);
  }
  const codes = (path: YamlPath, value: unknown, setting: RuleSetting) => {
    if (value === undefined || value === null) return;
    if (!isStringList(value)) return void at(path, `${path.join('.')} must be a list of rule codes`);
    value.forEach((name, i) => layer.rules.push({ name, setting, where: where([...path, i]), hadolint: true }));
  };
  const override = all.override;
  if (override !== undefined && override !== null) {
    if (!isRecord(override)) at(['override'], 'override must be a mapping of error, warning, info, style to lists of codes');
    else {
      for (const key of Object.keys(override)) {
        if (!['error', 'warning', 'info', 'style'].includes(key)) at(['override', key], `unknown severity "${key}" in override`, true);
      }
      for (const level of ['style', 'info', 'warning', 'error'] as const) codes(['override', level], override[level], level);
    }
  }
  codes(['ignored'], all.ignored, 'off');
  if (all.trustedRegistries !== undefined && all.trustedRegistries !== null) {
    if (isStringList(all.trustedRegistries)) layer.trustedRegistries = all.trustedRegistries;
    else at(['trustedRegistries'], 'trustedRegistries must be a list of registry host names');
  }
  if (all['label-schema'] !== undefined && all['label-schema'] !== null) {
    const schema = checkLabelSchema(all['label-schema'], (path, m) => at(['label-schema', ...path], m));
    if (schema) layer.labelSchema = schema;
  }
  for (const key of ['strict-labels', 'no-fail', 'disable-ignore-pragma'] as const) {
    if (all[key] !== undefined && typeof all[key] !== 'boolean') at([key], `${key} must be true or false`);
  }
  if (all['strict-labels'] !== undefined) layer.strictLabels = all['strict-labels'] === true;
  if (all['disable-ignore-pragma'] === true) layer.inlineSuppressions = false;
  const threshold = all['failure-threshold'];
  if (threshold !== undefined && threshold !== null) {
    const mapped = typeof threshold === 'string' ? THRESHOLDS[threshold] : undefined;
    if (mapped) layer.failureThreshold = mapped;
    else at(['failure-threshold'], `failure-threshold must be one of ${Object.keys(THRESHOLDS).join(', ')}`);
  }
  if (all['no-fail'] === true) layer.failureThreshold = 'none';
  if (problems.length > 0) throw new LintConfigError(problems);
  return layer;
}
