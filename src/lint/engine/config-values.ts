import type { YamlPath } from './yaml-source.js';

/** Label types hadolint and slipway accept in a label schema. */
export const LABEL_TYPES = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'] as const;

/** Validates a label schema (label → type); reports through `report` and returns undefined when bad. */
export function checkLabelSchema(value: unknown, report: (path: YamlPath, message: string) => void): Record<string, string> | undefined {
  if (!isRecord(value)) {
    report([], 'the label schema must be a mapping of label name to type');
    return undefined;
  }
  let ok = true;
  for (const [label, type] of Object.entries(value)) {
    if (typeof type !== 'string' || !(LABEL_TYPES as readonly string[]).includes(type)) {
      report([label], `label "${label}" has type ${JSON.stringify(type)}; use one of ${LABEL_TYPES.join(', ')}`);
      ok = false;
    }
  }
  return ok ? (value as Record<string, string>) : undefined;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}
