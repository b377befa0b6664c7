/**
 * GitLab's deep merge, used for `extends` and for merging included files: mappings merge key by
 * key (recursively), anything else — lists included — is replaced by the later value.
 * Pairs are shared, never copied, so every value keeps its source position.
 */
import type { YMap, YPair } from '../yaml/nodes.js';
import { isMap, keyName } from '../yaml/nodes.js';

export function deepMerge(base: YMap, over: YMap): YMap {
  const overByName = new Map<string, YPair>();
  for (const pair of over.pairs) overByName.set(keyName(pair.key), pair);
  const pairs: YPair[] = [];
  const baseNames = new Set<string>();
  for (const pair of base.pairs) {
    const name = keyName(pair.key);
    baseNames.add(name);
    const later = overByName.get(name);
    if (!later) pairs.push(pair);
    else if (isMap(pair.value) && isMap(later.value)) pairs.push({ key: later.key, value: deepMerge(pair.value, later.value) });
    else pairs.push(later);
  }
  for (const pair of over.pairs) if (!baseNames.has(keyName(pair.key))) pairs.push(pair);
  const merged: YMap = { kind: 'map', pairs, file: over.file, span: over.span };
  if (over.tag) merged.tag = over.tag;
  return merged;
}

/** A copy of `map` without some keys. */
export function withoutKeys(map: YMap, keys: readonly string[]): YMap {
  if (!map.pairs.some((p) => keys.includes(keyName(p.key)))) return map;
  return { ...map, pairs: map.pairs.filter((p) => !keys.includes(keyName(p.key))) };
}

/** An empty mapping located at `at` (a starting point for merges). */
export function emptyMapAt(at: YMap): YMap {
  return { kind: 'map', pairs: [], file: at.file, span: { start: at.span.start, end: at.span.start } };
}
