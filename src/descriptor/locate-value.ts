/**
 * Where in the descriptor a value the generator refused comes from. The generator's last-line
 * checks (src/generate/validate.ts) name the value by its descriptor path (`image.copy[0]`) or, for
 * values assembled from several keys, by what it is (`a command`); this finds the position to print
 * with the error: the path when the user's file has it, else the first scalar in the file with
 * that exact value, else the file alone.
 */
import { isScalar, visit } from 'yaml';
import { InputError } from '../cli/errors.js';
import { hasPath, positionOf, type Path, type YamlSource } from './yaml-source.js';

/** `image.copy[0]`, `deploy.compose.file` → path segments; anything else (prose) → undefined. */
export function parseDescriptorPath(what: string): Path | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*$/.test(what)) return undefined;
  const path: (string | number)[] = [];
  for (const m of what.matchAll(/([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g)) path.push(m[1] ?? Number(m[2]));
  return path;
}

export function locateValue(source: YamlSource, what: string, value: string, message: string): InputError {
  const path = parseDescriptorPath(what);
  if (path && hasPath(source, path)) {
    const { line, column } = positionOf(source, path);
    return new InputError(message, source.fileName, line, column);
  }
  let offset: number | undefined;
  visit(source.doc, {
    Scalar(_, node) {
      if (isScalar(node) && String(node.value) === value && node.range) {
        offset = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (offset === undefined && path) {
    // A value the preset or a default supplies under a key the file does not have: the nearest key.
    const { line, column } = positionOf(source, path);
    return new InputError(message, source.fileName, line, column);
  }
  if (offset === undefined) return new InputError(message, source.fileName);
  const { line, column } = source.index.positionAt(offset);
  return new InputError(message, source.fileName, line, column);
}
