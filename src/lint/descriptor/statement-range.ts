import { isMap, isPair, isSeq, type Node } from 'yaml';
import type { YamlSource } from '../../descriptor/yaml-source.js';

/**
 * The YAML entry (key with its value, or list item) that starts on `line` or is the first after
 * it, as 1-based lines; the outermost one when several start on the same line.
 */
export function yamlStatementRange(source: YamlSource, line: number): { startLine: number; endLine: number } | undefined {
  let best: { startLine: number; endLine: number } | undefined;
  const consider = (start: number | undefined, end: number | undefined) => {
    if (start === undefined || end === undefined) return;
    const startLine = source.index.positionAt(start).line;
    if (startLine < line || (best && startLine >= best.startLine)) return;
    // The end offset is past the value's line break when the value is a block; step back onto it.
    best = { startLine, endLine: source.index.positionAt(Math.max(start, end - 1)).line };
  };
  const visit = (node: unknown) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        consider(key?.range?.[0], value?.range?.[1] ?? key?.range?.[1]);
        visit(value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        const n = item as Node | null;
        consider(n?.range?.[0], n?.range?.[1]);
        visit(item);
      }
    }
  };
  visit(source.doc.contents);
  return best;
}
