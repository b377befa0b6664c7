import type { AnyKindSupport, KindSupport } from './kind.js';
import type { ProjectDoc } from './project.js';
import { ENGINE_RULES, ENGINE_RULE_IDS, type RuleInfo } from './engine-rules.js';
import { FILE_KINDS, SEVERITIES, type AnyFileDoc, type FileKind, type Rule, type RuleKind } from './types.js';
import { didYouMean } from '../../util/text.js';

/** Every file kind's support and every rule, with lookups by id and alias. */
export interface KindRegistry {
  /** File kinds that can be linted (never `project`). */
  supports: ReadonlyMap<FileKind, KindSupport>;
  /** Cross-file rules, run once per lint over every parsed file. */
  projectRules: readonly Rule<ProjectDoc>[];
  /** Rules of kind `any` (every file's raw text and secret hits), with the per-file scan. */
  any: AnyKindSupport | undefined;
  /** All rules (file kinds, any and project), sorted by id. */
  rules: readonly Rule[];
  byId: ReadonlyMap<string, Rule>;
  /** Metadata of every id a finding can carry: rules and engine pseudo-rules. */
  info(id: string): RuleInfo | undefined;
}

export function createRegistry(
  supports: readonly KindSupport[],
  projectRules: readonly Rule<ProjectDoc>[] = [],
  any?: AnyKindSupport,
): KindRegistry {
  const supportMap = new Map<FileKind, KindSupport>();
  for (const s of supports) supportMap.set(s.kind, s);
  const rules = [
    ...supports.flatMap((s) => s.rules as readonly Rule[]),
    ...((any?.rules ?? []) as readonly Rule<AnyFileDoc>[] as readonly Rule[]),
    ...(projectRules as readonly Rule[]),
  ].sort((a, b) => compareText(a.meta.id, b.meta.id));
  const byId = new Map<string, Rule>();
  for (const r of rules) if (!byId.has(r.meta.id)) byId.set(r.meta.id, r);
  const engine = new Map(ENGINE_RULES.map((r) => [r.id, r] as const));
  return {
    supports: supportMap,
    projectRules,
    any,
    rules,
    byId,
    info: (id) => byId.get(id)?.meta ?? engine.get(id),
  };
}

/** Code-point order, independent of the locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type SelectorResult = { ids: string[] } | { error: string };

/**
 * Resolves a rule name as users write it (in configuration, `--rule`, suppressions): an id,
 * an alias such as `DL3008` (case-insensitive; one alias may name several rules), an engine
 * pseudo-rule, or a glob over ids (`dockerfile/*`, `*`).
 */
export function resolveRuleName(registry: KindRegistry, name: string): SelectorResult {
  const trimmed = name.trim();
  if (trimmed === '') return { error: 'empty rule name' };
  if (trimmed.includes('*')) {
    const matches = globMatcher(trimmed);
    const ids = registry.rules.map((r) => r.meta.id).filter(matches);
    if (ids.length === 0) return { error: `no rule matches "${trimmed}"` };
    return { ids };
  }
  if (registry.byId.has(trimmed) || ENGINE_RULE_IDS.has(trimmed)) return { ids: [trimmed] };
  const upper = trimmed.toUpperCase();
  const byAlias = registry.rules.filter((r) => r.meta.aliases.some((a) => a.toUpperCase() === upper)).map((r) => r.meta.id);
  if (byAlias.length > 0) return { ids: byAlias };
  const candidates = [...registry.byId.keys(), ...ENGINE_RULE_IDS, ...registry.rules.flatMap((r) => r.meta.aliases)];
  const suggestion = didYouMean(trimmed, candidates) ?? didYouMeanSuffix(trimmed, registry);
  return { error: `unknown rule "${trimmed}"${suggestion ? `; did you mean "${suggestion}"?` : ''}` };
}

/** `apt-pin` → `dockerfile/apt-pin`: a name given without (or with the wrong) kind prefix. */
function didYouMeanSuffix(name: string, registry: KindRegistry): string | undefined {
  const tail = name.slice(name.lastIndexOf('/') + 1);
  const tailOf = (id: string) => id.slice(id.indexOf('/') + 1);
  const best = didYouMean(tail, [...registry.byId.keys()].map(tailOf));
  if (best === undefined) return undefined;
  return [...registry.byId.keys()].filter((id) => tailOf(id) === best).join('" or "');
}

/**
 * A case-insensitive matcher for a glob whose only wildcard is `*`. Not a regular expression:
 * `^a.*b.*c$` backtracks polynomially in the number of stars, and globs come from configuration
 * files in the repositories slipway lints; this is linear in the id for each part of the glob.
 */
function globMatcher(glob: string): (id: string) => boolean {
  const parts = glob.toLowerCase().split('*');
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const middle = parts.slice(1, -1);
  return (id) => {
    const text = id.toLowerCase();
    if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
    let at = first.length;
    const end = text.length - last.length;
    for (const part of middle) {
      const found = text.indexOf(part, at);
      if (found < 0 || found + part.length > end) return false;
      at = found + part.length;
    }
    return true;
  };
}

/** Hadolint's own codes (DL rules, ShellCheck): accepted without a slipway equivalent when migrating. */
export function isHadolintCode(name: string): boolean {
  return /^(DL|SC)\d+$/i.test(name.trim());
}

/** The id prefixes a rule of each kind may use (`<prefix>/<kebab-name>`). */
export const ID_PREFIXES: Record<RuleKind, readonly string[]> = {
  dockerfile: ['dockerfile'],
  'gitlab-ci': ['gitlab-ci'],
  makefile: ['makefile'],
  tox: ['tox'],
  descriptor: ['descriptor'],
  project: ['project'],
  any: ['secrets', 'any'],
};

/**
 * The registry's invariants, as messages (empty when all hold): unique ids, ids of the form
 * `<kind>/<kebab-name>` matching the rule's kind, a known severity, at least two bad and two
 * good examples, aliases that do not collide with ids and that name rules of one kind and one
 * default severity when shared.
 */
export function checkRegistry(registry: KindRegistry): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const r of registry.rules) seen.set(r.meta.id, (seen.get(r.meta.id) ?? 0) + 1);
  for (const [id, n] of seen) if (n > 1) problems.push(`rule id "${id}" is used by ${n} rules`);
  for (const r of registry.rules) {
    const m = r.meta;
    const match = /^([a-z-]+)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(m.id);
    if (!match) problems.push(`rule id "${m.id}" is not of the form <kind>/<kebab-name>`);
    else if (!(ID_PREFIXES[m.kind] ?? []).includes(match[1]!)) {
      problems.push(`rule "${m.id}" has kind "${m.kind}" but its id starts with "${match[1]}/"`);
    }
    if (!(FILE_KINDS as readonly string[]).includes(m.kind) && m.kind !== 'any') problems.push(`rule "${m.id}" has an unknown kind "${m.kind}"`);
    if (!SEVERITIES.includes(m.severity)) problems.push(`rule "${m.id}" has an unknown severity "${m.severity}"`);
    if (ENGINE_RULE_IDS.has(m.id)) problems.push(`rule "${m.id}" uses the id of an engine finding`);
    if (m.examples.bad.length < 2) problems.push(`rule "${m.id}" has ${m.examples.bad.length} bad examples; at least 2 are needed`);
    if (m.examples.good.length < 2) problems.push(`rule "${m.id}" has ${m.examples.good.length} good examples; at least 2 are needed`);
    for (const field of ['description', 'rationale', 'howToFix'] as const) {
      if (!m[field] || !m[field].trim()) problems.push(`rule "${m.id}" has an empty ${field}`);
    }
    const hasFixedExample = m.examples.bad.some((e) => e.output !== undefined);
    if (m.fixable && !hasFixedExample) problems.push(`rule "${m.id}" is fixable but no bad example states its fixed output`);
    if (!m.fixable && hasFixedExample) problems.push(`rule "${m.id}" is not fixable but a bad example states an output`);
    for (const a of m.aliases) {
      if (registry.byId.has(a) || ENGINE_RULE_IDS.has(a)) problems.push(`rule "${m.id}" has alias "${a}", which is a rule id`);
      if (a.includes('*') || a.includes(',') || /\s/.test(a)) problems.push(`rule "${m.id}" has alias "${a}" with a glob, comma or space`);
    }
  }
  const byAlias = new Map<string, Rule[]>();
  for (const r of registry.rules) {
    for (const a of r.meta.aliases) {
      const key = a.toUpperCase();
      byAlias.set(key, [...(byAlias.get(key) ?? []), r]);
    }
  }
  for (const [alias, rules] of byAlias) {
    if (rules.length < 2) continue;
    const kinds = new Set(rules.map((r) => r.meta.kind));
    const severities = new Set(rules.map((r) => r.meta.severity));
    if (kinds.size > 1 || severities.size > 1) {
      problems.push(
        `alias "${alias}" is shared inconsistently by ${rules
          .map((r) => `${r.meta.id} (${r.meta.kind}, ${r.meta.severity})`)
          .join(', ')}: rules sharing an alias need the same kind and default severity`,
      );
    }
  }
  return problems;
}
