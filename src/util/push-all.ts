/**
 * Appends `items` to `target` in a loop. `target.push(...items)` passes every item as an argument,
 * and a call takes at most ~120,000 of them (V8 throws "Maximum call stack size exceeded"), which a
 * large linted file reaches: 100,000 script lines, findings, merged keys.
 */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
