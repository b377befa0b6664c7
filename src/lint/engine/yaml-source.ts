import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { LineIndex } from '../../util/text.js';
import type { ConfigProblem } from './errors.js';

export type YamlPath = readonly (string | number)[];

/** A YAML file parsed with positions, for configuration errors that point at the key or value. */
export class YamlSource {
  readonly doc: Document;
  private readonly index: LineIndex;
  constructor(
    readonly path: string,
    text: string,
  ) {
    this.doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    this.index = new LineIndex(text);
  }

  /** YAML syntax errors as problems. */
  syntaxProblems(): ConfigProblem[] {
    return this.doc.errors.map((e) => {
      const pos = this.index.positionAt(e.pos[0]);
      return { file: this.path, line: pos.line, column: pos.column, message: `invalid YAML: ${firstLine(e.message)}` };
    });
  }

  toJS(): unknown {
    return this.doc.toJS();
  }

  /** A problem at the value at `path` (or at its key with `atKey`), falling back to the closest existing parent. */
  problem(path: YamlPath, message: string, atKey = false): ConfigProblem {
    const offset = this.offsetOf(path, atKey);
    const pos = this.index.positionAt(offset);
    return { file: this.path, line: pos.line, column: pos.column, message };
  }

  private offsetOf(path: YamlPath, atKey: boolean): number {
    let node: unknown = this.doc.contents;
    let offset = (node as Node | null)?.range?.[0] ?? 0;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return offset;
        const key = pair.key as Node;
        const value = pair.value as Node | null;
        if (i === path.length - 1 && atKey) return key.range?.[0] ?? offset;
        offset = value?.range?.[0] ?? key.range?.[0] ?? offset;
        node = value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) return offset;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else {
        return offset;
      }
    }
    return offset;
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
