/**
 * The YAML value tree every gitlab-ci rule works on.
 *
 * Every node knows the file it is WRITTEN in and its span there. Aliases, `<<` merge keys,
 * `extends` and `!reference` share or copy these nodes, never re-create them, so a value that
 * reaches a job through any of them still points at its source line.
 *
 * Scalars keep their parsed value (YAML 1.1, as GitLab's Ruby loader reads it: `yes`/`on` are
 * booleans, `1:30` is 90) and their style (plain, quoted, block) so positions inside a value can
 * be mapped back to the file (see offsets.ts).
 */
import type { SourceFile, Span } from '../../engine/types.js';

export type ScalarValue = string | number | boolean | null;

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

/** Where a node is written. */
export interface Located {
  file: SourceFile;
  span: Span;
}

export interface YScalar extends Located {
  kind: 'scalar';
  value: ScalarValue;
  style: ScalarStyle;
  /** Explicit tag as written (e.g. `!!str`), when any. */
  tag?: string;
  /** True for the zero-length null of an empty value (`key:` with nothing after it). */
  empty?: boolean;
}

export interface YPair {
  key: YScalar;
  value: YNode;
  /** True when the pair came into its map through a `<<` merge key. */
  merged?: boolean;
}

export interface YMap extends Located {
  kind: 'map';
  /** Pairs in source order; for duplicate keys only the last pair is kept here (GitLab's rule). */
  pairs: YPair[];
  tag?: string;
}

export interface YSeq extends Located {
  kind: 'seq';
  items: YNode[];
  /** `!reference` for a reference tag, before the model resolves it. */
  tag?: string;
}

export type YNode = YScalar | YMap | YSeq;

/** The string form of a map key (`123:` → "123", `true:` → "true"). */
export function keyName(key: YScalar): string {
  return key.value === null ? '' : String(key.value);
}

export function isScalar(node: YNode | undefined): node is YScalar {
  return node?.kind === 'scalar';
}
export function isMap(node: YNode | undefined): node is YMap {
  return node?.kind === 'map';
}
export function isSeq(node: YNode | undefined): node is YSeq {
  return node?.kind === 'seq';
}
/** A `!reference [job, key, …]` node the model could not (or did not yet) resolve. */
export function isReference(node: YNode | undefined): boolean {
  return node?.kind === 'seq' && node.tag === '!reference';
}
/** A null scalar: `~`, `null` or nothing at all. */
export function isNull(node: YNode | undefined): boolean {
  return node?.kind === 'scalar' && node.value === null;
}

/** The pair of `key` in a map (the last one when the key is duplicated). */
export function pairOf(map: YMap | undefined, key: string): YPair | undefined {
  if (!map) return undefined;
  for (let i = map.pairs.length - 1; i >= 0; i--) {
    const pair = map.pairs[i]!;
    if (keyName(pair.key) === key) return pair;
  }
  return undefined;
}

/** The value of `key` in a map. */
export function getIn(map: YMap | undefined, key: string): YNode | undefined {
  return pairOf(map, key)?.value;
}

/** The value at a path of keys, through nested maps. */
export function getPath(node: YNode | undefined, path: readonly string[]): YNode | undefined {
  let cur = node;
  for (const key of path) {
    if (!isMap(cur)) return undefined;
    cur = getIn(cur, key);
  }
  return cur;
}

/** A string scalar's value, or a number/boolean rendered as GitLab would use it in a string keyword. */
export function scalarText(node: YNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

/** The value when the node is a string scalar (not a number, boolean or null). */
export function stringValue(node: YNode | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** A short description of a node's type for messages: "a string", "a list", "null"… */
export function describeNode(node: YNode): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return node.tag === '!reference' ? 'a `!reference`' : 'a list';
  const v = node.value;
  if (v === null) return node.empty ? 'empty' : 'null';
  if (typeof v === 'boolean') return `the boolean \`${v}\``;
  if (typeof v === 'number') return `the number \`${v}\``;
  const shown = v.length > 40 ? `${v.slice(0, 37)}…` : v;
  return `the string \`${JSON.stringify(shown).slice(1, -1)}\``;
}

/**
 * Visit every node under `node` once, depth first (shared nodes — aliases — are visited once).
 * Return false from `visit` to skip a node's children.
 */
export function walk(node: YNode | undefined, visit: (node: YNode, parentKey: YScalar | undefined) => boolean | void): void {
  if (!node) return;
  const seen = new Set<YNode>();
  const stack: Array<[YNode, YScalar | undefined]> = [[node, undefined]];
  while (stack.length > 0) {
    const [cur, parentKey] = stack.pop()!;
    if (seen.has(cur)) continue;
    seen.add(cur);
    if (visit(cur, parentKey) === false) continue;
    if (cur.kind === 'map') {
      for (let i = cur.pairs.length - 1; i >= 0; i--) stack.push([cur.pairs[i]!.value, cur.pairs[i]!.key]);
    } else if (cur.kind === 'seq') {
      for (let i = cur.items.length - 1; i >= 0; i--) stack.push([cur.items[i]!, parentKey]);
    }
  }
}
