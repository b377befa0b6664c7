/**
 * The label schema (hadolint's `label-schema`, slipway's `labelSchema`): LABEL pairs with their values as
 * the build sets them, and the value checks of each type.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { RuleContext, RuleOptions } from '../engine/types.js';
import type { DockerfileDoc, KeyValue, LabelInstruction } from './model.js';
import { SPDX_LICENSE_IDS } from './spdx-ids.js';
import { expand } from './variables.js';

export type LabelType = 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email';

export interface LabelPair {
  instruction: LabelInstruction;
  pair: KeyValue;
  key: string;
  /** The value with ARG/ENV substituted; undefined when it uses a variable only known at build time. */
  value: string | undefined;
}

/** The configured schema, or undefined when the label rules are off. */
export function labelSchema(options: RuleOptions): Readonly<Record<string, string>> | undefined {
  const schema = options.labelSchema;
  return schema && Object.keys(schema).length > 0 ? schema : undefined;
}

/** Every LABEL pair of the file's stages (ONBUILD triggers excluded: they label another image). */
export function labelPairs(doc: DockerfileDoc): LabelPair[] {
  const out: LabelPair[] = [];
  for (const instruction of doc.find('LABEL')) {
    for (const pair of instruction.pairs) {
      let value: string | undefined = pair.value?.value ?? '';
      if (pair.value) {
        const raw = doc.text.slice(pair.value.span.start, pair.value.span.end);
        const exp = expand(raw.includes('\n') ? pair.value.value : raw, pair.value.span.start, (n) => instruction.state.variable(n), doc.escapeChar);
        value = exp.unresolved.length > 0 ? undefined : exp.value;
      }
      out.push({ instruction, pair, key: pair.name.value, value });
    }
  }
  return out;
}

type Format = RegExp | ((s: string) => boolean) | { validate: RegExp | ((s: string) => boolean) };

function format(name: string): (value: string) => boolean {
  const raw = (fullFormats as unknown as Record<string, Format>)[name]!;
  const f = raw instanceof RegExp || typeof raw === 'function' ? raw : raw.validate;
  if (f instanceof RegExp) return (v) => f.test(v);
  return f;
}

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** An SPDX licence expression: ids (or LicenseRef-…) joined by AND/OR, WITH an exception, parentheses. */
export function isSpdxExpression(value: string): boolean {
  const tokens = value.replace(/[()]/g, ' $& ').trim().split(/\s+/);
  let depth = 0;
  let expectId = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === '(') {
      if (!expectId) return false;
      depth++;
    } else if (t === ')') {
      if (expectId || --depth < 0) return false;
    } else if (expectId) {
      const id = t.endsWith('+') ? t.slice(0, -1) : t;
      if (!SPDX_LICENSE_IDS.has(id) && !/^(DocumentRef-[\w.-]+:)?LicenseRef-[\w.-]+$/.test(t)) return false;
      if (tokens[i + 1] === 'WITH') {
        if (!/^[\w.-]+$/.test(tokens[i + 2] ?? '')) return false;
        i += 2;
      }
      expectId = false;
    } else if (t === 'AND' || t === 'OR') expectId = true;
    else return false;
  }
  return !expectId && depth === 0;
}

/** Whether a (non-empty) value has the type; `text` takes anything. */
export const LABEL_CHECKS: Record<Exclude<LabelType, 'text'>, (value: string) => boolean> = {
  url: format('uri'),
  rfc3339: format('date-time'),
  email: format('email'),
  semver: (v) => SEMVER.test(v),
  hash: (v) => /^[0-9a-f]{7,40}$/.test(v) || /^[0-9a-f]{64}$/.test(v),
  spdx: isSpdxExpression,
};

/**
 * Reports the pairs whose label the schema types `type` and whose value is not of that type.
 * Empty values are dockerfile/label-empty's; values only known at build time are not judged.
 */
export function checkLabelType(ctx: RuleContext<DockerfileDoc>, type: Exclude<LabelType, 'text'>, expected: string): void {
  const schema = labelSchema(ctx.options);
  if (!schema) return;
  for (const { pair, key, value } of labelPairs(ctx.doc)) {
    if (schema[key] !== type || value === undefined || value === '' || LABEL_CHECKS[type](value)) continue;
    ctx.report({
      message: `label \`${key}\` must be ${expected} (the label schema says \`${type}\`), but it is \`${value}\``,
      span: pair.value && pair.value.span.end > pair.value.span.start ? pair.value.span : pair.name.span,
    });
  }
}
