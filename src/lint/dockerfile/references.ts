/** Variable references (`$NAME`, `${NAME…}`) written in a piece of a Dockerfile, as BuildKit expands them. */
import type { Span } from '../engine/types.js';
import type { DockerfileDoc } from './model.js';

export interface VariableReference {
  name: string;
  /** The reference as written (`$A`, `${A:-x}`). */
  text: string;
  span: Span;
}

/** The references in the file text at `span` (not those in single quotes or escaped). */
export function variableReferences(doc: DockerfileDoc, span: Span): VariableReference[] {
  const out: VariableReference[] = [];
  const text = doc.text;
  let single = false;
  for (let i = span.start; i < span.end; i++) {
    const c = text[i];
    if (c === doc.escapeChar && !single) {
      i++;
      continue;
    }
    if (c === "'") single = !single;
    if (c !== '$' || single) continue;
    const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?![A-Za-z0-9_])[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(text.slice(i, span.end));
    if (!m) continue;
    out.push({ name: (m[1] ?? m[2])!, text: m[0], span: { start: i, end: i + m[0].length } });
    i += m[0].length - 1;
  }
  return out;
}
