/**
 * A YAML file parsed with its node positions, so that every later error (schema, semantic) can
 * point at the offending key or value.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import { InputError } from '../cli/errors.js';
import { LineIndex } from '../util/text.js';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export interface YamlSource {
  /** Name used in error messages (`slipway.yaml`, `presets/python-flask.yaml`). */
  fileName: string;
  text: string;
  doc: Document.Parsed;
  index: LineIndex;
  /** The plain JavaScript value of the document. */
  value: unknown;
}

export type ParsedYaml = { ok: true; source: YamlSource } | { ok: false; errors: InputError[] };

export function parseYamlSource(text: string, fileName: string): ParsedYaml {
  const index = new LineIndex(text);
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  // After the first syntax error the parser's later complaints are mostly consequences of it.
  const reported = [...syntax.slice(0, 1), ...doc.errors.filter((e) => e.code === 'DUPLICATE_KEY')];
  if (reported.length > 0) {
    return { ok: false, errors: reported.map((e) => yamlError(e, text, fileName, index)).sort(byPosition) };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    const where = index.positionAt(0);
    return { ok: false, errors: [new InputError(`invalid YAML: ${(err as Error).message}`, fileName, where.line, where.column)] };
  }
  return { ok: true, source: { fileName, text, doc, index, value } };
}

function yamlError(e: YAMLError, text: string, fileName: string, index: LineIndex): InputError {
  const [start, end] = e.pos;
  const where = index.positionAt(start);
  let message: string;
  switch (e.code) {
    case 'DUPLICATE_KEY':
      message = `duplicate key \`${keyTextAt(text, start, end)}\`; YAML keys must be unique, remove one of them`;
      break;
    case 'MULTIPLE_DOCS':
      message = 'the file must hold a single YAML document; remove the `---` separator and what follows';
      break;
    case 'TAB_AS_INDENT':
      message = 'invalid YAML: tabs are not allowed as indentation; indent with spaces';
      break;
    default:
      message = `invalid YAML: ${e.message.charAt(0).toLowerCase()}${e.message.slice(1)}`;
  }
  return new InputError(message, fileName, where.line, where.column);
}

function keyTextAt(text: string, start: number, end: number): string {
  const line = text.slice(start).split(/\r?\n/, 1)[0] ?? '';
  const colon = line.search(/:(\s|$)/);
  return (colon >= 0 ? line.slice(0, colon) : text.slice(start, end)).trim();
}

export function byPosition(a: InputError, b: InputError): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.message.localeCompare(b.message);
}

/** The node of the value at `path`, and the key node it hangs on (for map entries). */
export function locate(source: YamlSource, path: Path): { key?: Node; value?: Node } | undefined {
  let node: unknown = source.doc.contents;
  let key: Node | undefined;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(source.doc);
    if (typeof segment === 'number' && isSeq(node)) {
      node = node.items[segment];
      key = undefined;
    } else if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return undefined;
      key = pair.key as Node;
      node = pair.value;
    } else {
      return undefined;
    }
    if (node === undefined) return undefined;
  }
  if (isAlias(node)) node = node.resolve(source.doc);
  // An empty value (`app:` and nothing) has no text of its own to point at.
  const empty = node === null || (isScalar(node) && !!node.range && node.range[0] === node.range[1]);
  return { key, value: empty ? undefined : (node as Node) };
}

/** Whether the document has an entry at `path`. */
export function hasPath(source: YamlSource, path: Path): boolean {
  return locate(source, path) !== undefined;
}

/**
 * 1-based position for an error about `path`: at the key when `at` is 'key' (unknown keys), at
 * the value otherwise (falling back to the key for an empty value), or at the nearest existing
 * ancestor when the path is absent.
 */
export function positionOf(source: YamlSource, path: Path, at: 'key' | 'value' = 'value'): { line: number; column: number } {
  for (let n = path.length; n >= 0; n--) {
    const found = locate(source, path.slice(0, n));
    if (!found) continue;
    const node = at === 'key' || n < path.length ? (found.key ?? found.value) : (found.value ?? found.key);
    const offset = node?.range?.[0];
    if (offset !== undefined) return source.index.positionAt(offset);
  }
  return { line: 1, column: 1 };
}

/** The source text of the scalar at `path` (e.g. `3.10` where YAML read the number 3.1). */
export function sourceTextOf(source: YamlSource, path: Path): string | undefined {
  const node = locate(source, path)?.value;
  if (!node || !isScalar(node) || !node.range) return undefined;
  return source.text.slice(node.range[0], node.range[1]);
}

export function errorAt(source: YamlSource, path: Path, message: string, at: 'key' | 'value' = 'value'): InputError {
  const { line, column } = positionOf(source, path, at);
  return new InputError(message, source.fileName, line, column);
}

/** `image.copy[1]` style display of a path. */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += out ? `[${JSON.stringify(segment)}]` : JSON.stringify(segment);
  }
  return out;
}
