/**
 * Check a YNode against a ValueType and collect precise problems: what is wrong, where (the key
 * or value in the file where it is written), and what GitLab expects instead.
 */
import type { SourceFile, Span } from '../../engine/types.js';
import { suggest } from '../support/suggest.js';
import type { YMap, YNode, YPair, YScalar } from '../yaml/nodes.js';
import { describeNode, isReference, keyName } from '../yaml/nodes.js';
import type { Area, MapType, ProblemCategory, ValueReporter, ValueType } from './types.js';
import { describeType } from './types.js';
import { pushAll } from '../../../util/push-all.js';

/** One structural problem; the structure rules turn these into findings. */
export interface StructureProblem {
  category: ProblemCategory;
  /** Set for problems under `when`, `needs`, `parallel` and `rules:if` values (their own rules). */
  area?: Area;
  message: string;
  file: SourceFile;
  span: Span;
}

/** Where a value sits, for messages. */
export interface Place {
  /** Keyword path inside the owner, GitLab style: `artifacts:reports`. Empty for the owner itself. */
  path: string;
  /** The owner: "job `build`", "`default`", "" for the top level. */
  owner: string;
  /** The value is an item of the list at `path`. */
  item?: boolean;
}

export class Checker {
  readonly problems: StructureProblem[] = [];

  /** Check `node` (the value of `key`, when it has one) against `type`. */
  check(node: YNode, type: ValueType, place: Place, key?: YScalar, area?: Area): void {
    const effectiveArea = type.area ?? area;
    if (isReference(node)) return; // an unresolved `!reference`: its target is not known here
    if (isInterpolated(node)) return; // `$[[ inputs.x ]]`: a component input, any type once interpolated
    if (node.kind === 'scalar' && node.value === null) {
      if (type.nullable || type.kind === 'any' || (type.kind === 'union' && type.options.some((o) => o.nullable || o.kind === 'any'))) return;
      const at = node.empty && key ? key : node;
      this.add(
        'type',
        `${subject(place)} ${node.empty ? 'has no value' : 'is null'}; it must be ${describeType(type)} (GitLab ignores a keyword without a value, which usually hides a lost value: give it one or remove the key)`,
        at,
        effectiveArea,
      );
      return;
    }
    switch (type.kind) {
      case 'any':
        return;
      case 'union':
        return this.checkUnion(node, type, place, key, effectiveArea);
      case 'map':
        if (node.kind !== 'map') return this.typeError(node, type, place, effectiveArea);
        return this.checkMap(node, type, place, effectiveArea, key);
      case 'list':
        if (node.kind !== 'seq') return this.typeError(node, type, place, effectiveArea);
        return this.checkList(node, type, place, effectiveArea);
      case 'custom': {
        if (node.kind !== 'scalar' || (type.takes === 'string' && typeof node.value !== 'string')) return this.typeError(node, type, place, effectiveArea);
        type.check(node, this.reporter(place, node, effectiveArea));
        return;
      }
      case 'scalar':
        if (node.kind !== 'scalar') return this.typeError(node, type, place, effectiveArea);
        return;
      case 'boolean':
        if (node.kind !== 'scalar' || typeof node.value !== 'boolean') return this.typeError(node, type, place, effectiveArea);
        return;
      case 'integer': {
        if (node.kind !== 'scalar' || typeof node.value !== 'number' || !Number.isInteger(node.value)) return this.typeError(node, type, place, effectiveArea);
        const v = node.value;
        if ((type.min !== undefined && v < type.min) || (type.max !== undefined && v > type.max)) {
          this.add('value', `${subject(place)} is ${v}; it must be ${describeType(type)}`, node, effectiveArea);
        }
        return;
      }
      case 'string': {
        if (node.kind !== 'scalar') return this.typeError(node, type, place, effectiveArea);
        const v = node.value;
        if (typeof v === 'number' && !type.acceptNumber) return this.typeError(node, type, place, effectiveArea);
        if (typeof v === 'boolean' && !type.acceptBoolean) return this.typeError(node, type, place, effectiveArea);
        const text = String(v);
        if (type.nonEmpty && text.length === 0) {
          this.add('value', `${subject(place)} is an empty string; it must be ${describeType(type)}`, node, effectiveArea);
          return;
        }
        if (type.maxLength !== undefined && text.length > type.maxLength) {
          this.add('value', `${subject(place)} is ${text.length} characters long; the limit is ${type.maxLength}`, node, effectiveArea);
          return;
        }
        if (type.values && !type.values.includes(text)) {
          const guess = suggest(text, type.values);
          const hint = guess ? `; did you mean \`${guess}\`?` : '';
          this.add('value', `${subject(place)} is \`${text}\`, which is not one of ${type.values.map((x) => `\`${x}\``).join(', ')}${hint}`, node, effectiveArea);
          return;
        }
        const reason = type.valid?.(text);
        if (reason) this.add('value', `${subject(place)} ${reason}`, node, effectiveArea);
        return;
      }
    }
  }

  /** A reporter for custom and map checks at `place`. */
  reporter(place: Place, node: YNode, area?: Area): ValueReporter {
    return {
      path: place.path,
      where: place.owner,
      report: (category, message, at, reportArea) => this.add(category, message, at ?? node, reportArea ?? area),
    };
  }

  add(category: ProblemCategory, message: string, at: { file: SourceFile; span: Span }, area?: Area): void {
    const problem: StructureProblem = { category, message, file: at.file, span: at.span };
    if (area) problem.area = area;
    this.problems.push(problem);
  }

  private checkUnion(node: YNode, type: Extract<ValueType, { kind: 'union' }>, place: Place, key: YScalar | undefined, area: Area | undefined): void {
    let candidates = type.options.filter((o) => accepts(o, node));
    if (candidates.length === 0) return this.typeError(node, type, place, area);
    if (node.kind === 'map' && candidates.length > 1 && type.selectMap) {
      const chosen = type.selectMap(node);
      if (!chosen) {
        this.add('missing-key', `${subject(place)} must be ${describeType(type)}`, key ?? node, area);
        return;
      }
      candidates = [chosen];
    }
    if (candidates.length === 1) return this.check(node, candidates[0]!, place, key, area);
    // Several options fit the YAML kind: take the first that passes, else report the first one's problems.
    let firstProblems: StructureProblem[] | undefined;
    for (const option of candidates) {
      const trial = new Checker();
      trial.check(node, option, place, key, area);
      if (trial.problems.length === 0) return;
      firstProblems ??= trial.problems;
    }
    pushAll(this.problems, firstProblems!);
  }

  private checkList(node: Extract<YNode, { kind: 'seq' }>, type: Extract<ValueType, { kind: 'list' }>, place: Place, area: Area | undefined): void {
    const count = node.items.length;
    if (type.minItems !== undefined && count < type.minItems) {
      this.add('value', `${subject(place)} ${count === 0 ? 'is an empty list' : `has ${count} item${count === 1 ? '' : 's'}`}; it needs at least ${type.minItems} item${type.minItems === 1 ? '' : 's'}`, node, area);
    }
    if (type.maxItems !== undefined && count > type.maxItems) {
      this.add('value', `${subject(place)} has ${count} items; GitLab allows at most ${type.maxItems}`, node.items[type.maxItems] ?? node, area);
    }
    const seen = new Map<string, YNode>();
    for (const item of node.items) {
      this.check(item, type.items, { ...place, item: true }, undefined, area);
      if (type.unique && item.kind === 'scalar' && item.value !== null) {
        const k = `${typeof item.value}:${String(item.value)}`;
        if (seen.has(k)) this.add('value', `${subject(place)} lists \`${String(item.value)}\` twice; each value may appear once`, item, area);
        else seen.set(k, item);
      }
    }
  }

  /**
   * Check a mapping. `ownerOf` names the owner of each entry when they differ (a job's keys that
   * come from the templates it extends are reported as the template's).
   */
  checkMap(node: YMap, type: MapType, place: Place, area: Area | undefined, key?: YScalar, ownerOf?: (pair: YPair) => string): void {
    const present = new Set<string>();
    let index = 0;
    for (const pair of node.pairs) {
      const name = keyName(pair.key);
      present.add(name);
      const owner = ownerOf?.(pair) ?? place.owner;
      const childPlace: Place = { path: place.path ? `${place.path}:${name}` : name, owner };
      const known = type.keys?.[name];
      if (known) {
        this.check(pair.value, known, childPlace, pair.key, area);
      } else if (type.values) {
        const badKey = type.validKey?.(name);
        if (badKey) this.add('value', `${subject({ ...place, item: false })}: the key \`${name}\` ${badKey}`, pair.key, area);
        this.check(pair.value, type.values, childPlace, pair.key, area);
      } else {
        this.add('unknown-key', unknownKeyMessage(name, type, { ...place, owner }), pair.key, area);
      }
      index++;
    }
    if (type.maxKeys !== undefined && index > type.maxKeys) {
      this.add('value', `${subject(place)} has ${index} entries; GitLab allows at most ${type.maxKeys}`, key ?? node, area);
    }
    const anchor = key ?? node;
    for (const required of type.required ?? []) {
      if (!present.has(required)) this.add('missing-key', `${subject(place)} needs \`${required}:\``, anchor, area);
    }
    for (const group of type.requireOneOf ?? []) {
      if (!group.some((k) => present.has(k))) {
        this.add('missing-key', `${subject(place)} needs one of ${group.map((k) => `\`${k}:\``).join(', ')}`, anchor, area);
      }
    }
    for (const [a, b] of type.exclusive ?? []) {
      if (present.has(a) && present.has(b)) {
        const second = node.pairs.find((p) => keyName(p.key) === b)!;
        this.add('conflict', `${subject(place)} cannot have both \`${a}:\` and \`${b}:\`; keep one`, second.key, area);
      }
    }
    for (const [k, needs] of Object.entries(type.dependencies ?? {})) {
      if (!present.has(k)) continue;
      for (const need of needs) {
        if (!present.has(need)) {
          const at = node.pairs.find((p) => keyName(p.key) === k)!;
          this.add('missing-key', `\`${k}:\` in ${subject(place)} needs \`${need}:\` too`, at.key, area);
        }
      }
    }
    type.check?.(node, this.reporter(place, anchor, area));
  }

  private typeError(node: YNode, type: ValueType, place: Place, area: Area | undefined): void {
    this.add('type', `${subject(place)} must be ${describeType(type)}, not ${describeNode(node)}${typeHint(node, type)}`, node, area);
  }
}

/** "`cache:untracked` in job `build`", "an item of `tags` in `default`", "job `build`". */
export function subject(place: Place): string {
  const where = place.owner ? ` in ${place.owner}` : '';
  if (!place.path) return place.owner || 'the configuration';
  if (place.item) return `an item of \`${place.path}\`${where}`;
  return `\`${place.path}\`${where}`;
}

/** "in `artifacts` of job `x`", "in job `x`", "in `workflow`", "at the top level". */
export function inPlace(place: Place): string {
  if (place.path && place.owner) return `in \`${place.path}\`${place.item ? ' items' : ''} of ${place.owner}`;
  if (place.path) return `in \`${place.path}\`${place.item ? ' items' : ''}`;
  if (place.owner) return `in ${place.owner}`;
  return 'at the top level';
}

function unknownKeyMessage(name: string, type: MapType, place: Place): string {
  const allowed = Object.keys(type.keys ?? {});
  const base = `unknown keyword \`${name}\` ${inPlace(place)}`;
  const note = KEY_NOTES[name];
  const guess = suggest(name, allowed);
  if (guess) return `${base}; did you mean \`${guess}\`?`;
  const context = place.path === '' ? 'job' : /(^|:)variables:[^:]+$/.test(place.path) ? 'variable' : 'other';
  if (note && note.in === context && place.owner.startsWith('job')) return `${base}; ${note.text}`;
  if (allowed.length === 0) return base;
  return `${base}; expected one of ${allowed.map((k) => `\`${k}\``).join(', ')}`;
}

/** Extra words for keys people often put in the wrong place: at a job's top level, or in a job variable. */
const KEY_NOTES: Record<string, { text: string; in: 'job' | 'variable' }> = {
  stages: { in: 'job', text: '`stages` is a global keyword (the list of stages); a job takes `stage:`' },
  include: { in: 'job', text: '`include` is a global keyword; a job cannot include files (a trigger job uses `trigger:include`)' },
  workflow: { in: 'job', text: '`workflow` is a global keyword' },
  default: { in: 'job', text: '`default` is a global keyword' },
  spec: { in: 'job', text: '`spec` belongs in the header document of a CI/CD component (before `---`)' },
  type: { in: 'job', text: 'the job keyword `type` was removed in GitLab 15.0; use `stage:`' },
  description: { in: 'variable', text: '`description` is only allowed for global `variables`' },
  options: { in: 'variable', text: '`options` is only allowed for global `variables`' },
};

function typeHint(node: YNode, type: ValueType): string {
  const expected = describeType(type);
  if (node.kind === 'scalar' && typeof node.value === 'string') {
    if ((node.value === 'true' || node.value === 'false') && expected.includes('`true`')) return '; remove the quotes';
    if (/^-?\d+$/.test(node.value) && expected.includes('whole number')) return '; remove the quotes';
  }
  const only = node.kind === 'map' && node.pairs.length === 1 ? node.pairs[0]! : undefined;
  if (only && only.value.kind === 'scalar' && /\s/.test(keyName(only.key)) && expected.includes('string') && !expected.includes('mapping')) {
    return ' (a `: ` inside an unquoted value makes YAML read a `key: value` mapping; quote the whole value)';
  }
  return '';
}

/** A value with a CI/CD component input, `$[[ inputs.name ]]`, which GitLab replaces before validating. */
function isInterpolated(node: YNode): boolean {
  return node.kind === 'scalar' && typeof node.value === 'string' && node.value.includes('$[[');
}

/** Does the option take this YAML kind of value? */
function accepts(option: ValueType, node: YNode): boolean {
  if (option.kind === 'union') return option.options.some((o) => accepts(o, node));
  if (node.kind === 'map') return option.kind === 'map' || option.kind === 'any';
  if (node.kind === 'seq') return option.kind === 'list' || option.kind === 'any';
  const v = node.value;
  switch (option.kind) {
    case 'any':
    case 'scalar':
      return true;
    case 'string':
      return typeof v === 'string' || (typeof v === 'number' && !!option.acceptNumber) || (typeof v === 'boolean' && !!option.acceptBoolean);
    case 'boolean':
      return typeof v === 'boolean';
    case 'integer':
      return typeof v === 'number';
    case 'custom':
      return option.takes === 'scalar' || typeof v === 'string';
    default:
      return false;
  }
}
