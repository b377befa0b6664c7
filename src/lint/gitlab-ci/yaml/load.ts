/**
 * YAML text → YNode tree, the way GitLab's loader (Ruby Psych, YAML 1.1) reads it.
 *
 * - Aliases share the anchored node (no copy), so positions stay at the anchor.
 * - `<<` merge keys are applied: the merged pairs keep their own positions; keys written in the
 *   map win over merged ones, and among several merged maps the first one wins (YAML 1.1).
 * - Duplicate keys are not an error (Psych keeps the last one); they are recorded in
 *   `duplicates` so a rule can report them.
 * - `!reference [job, key]` stays a sequence tagged `!reference`; the model resolves it.
 * - `y`/`n` stay strings (Psych does not read them as booleans, the YAML 1.1 spec does).
 *
 * Limits (documented in the README of the kind): aliases may expand to at most
 * MAX_EXPANDED_NODES nodes (an "alias bomb" is reported, not expanded), and nesting deeper than
 * MAX_DEPTH is cut (reported) so odd input never overflows the stack.
 */
import { isAlias, isMap as isYamlMap, isPair, isScalar as isYamlScalar, isSeq as isYamlSeq, parseAllDocuments } from 'yaml';
import type { Document, Node as YamlNode, Scalar as YamlScalar } from 'yaml';
import type { SourceFile, Span } from '../../engine/types.js';
import type { ScalarStyle, ScalarValue, YMap, YNode, YPair, YScalar, YSeq } from './nodes.js';
import { keyName } from './nodes.js';
import { pushAll } from '../../../util/push-all.js';

/** Aliases may expand to at most this many nodes in total (a billion-laughs file is refused). */
export const MAX_EXPANDED_NODES = 1_000_000;
/** Deeper nesting is cut at this depth. */
export const MAX_DEPTH = 300;

/** A key written twice in one mapping. GitLab keeps `second` (the last one). */
export interface DuplicateKey {
  first: YPair;
  second: YPair;
  /** The mapping that holds both. */
  map: YMap;
}

/** A problem of the YAML layer that does not stop the file from being read. */
export interface LoadProblem {
  message: string;
  file: SourceFile;
  span: Span;
}

export interface LoadedYaml {
  file: SourceFile;
  /** The configuration document's root (the second document when the first is a `spec:` header). */
  root: YNode | undefined;
  /** The `spec:` header document of a CI/CD component, when the file has one. */
  header: YMap | undefined;
  duplicates: DuplicateKey[];
  problems: LoadProblem[];
  /** Set when the text is not valid YAML: the first error, with its exact position. Nothing else is set. */
  syntaxError?: { message: string; span: Span };
}

const REFERENCE_TAG = '!reference';

export function loadYaml(file: SourceFile): LoadedYaml {
  const result: LoadedYaml = { file, root: undefined, header: undefined, duplicates: [], problems: [] };
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(file.text, {
      version: '1.1',
      uniqueKeys: false,
      prettyErrors: false,
      customTags: [{ tag: REFERENCE_TAG, collection: 'seq', resolve: (seq: unknown) => seq as never }],
    }) as Document.Parsed[];
  } catch (error) {
    // The yaml library recurses; absurd nesting can exhaust the stack.
    result.syntaxError = { message: `cannot read this YAML (${(error as Error).message})`, span: { start: 0, end: 0 } };
    return result;
  }
  if (!Array.isArray(docs)) docs = [docs as Document.Parsed];
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const start = error.pos[0];
      let message = yamlErrorMessage(error.message);
      if (/^\s*<(?:!doctype|html|\?xml)/i.test(file.text)) message += ' (the file is an HTML or XML page, not YAML: a web page saved instead of the raw file?)';
      result.syntaxError = { message, span: { start, end: Math.max(start, error.pos[1]) } };
      return result;
    }
  }
  const converter = new Converter(file, result);
  const roots = docs.map((doc) => (doc.contents ? converter.convert(doc.contents as YamlNode, doc, 0) : undefined));
  if (converter.tooLarge) return result;
  const first = roots[0];
  if (roots.length >= 2 && first?.kind === 'map' && first.pairs.some((p) => keyName(p.key) === 'spec')) {
    result.header = first;
    result.root = roots[1];
  } else {
    result.root = first;
  }
  if (roots.length > (result.header ? 2 : 1)) {
    const extra = docs[result.header ? 2 : 1]!;
    const start = extra.range[0];
    result.problems.push({
      message: 'GitLab reads one configuration document (after an optional `spec:` header); the documents after it are ignored',
      file,
      span: { start, end: start },
    });
  }
  return result;
}

/** "Implicit keys need to be on a single line at line 1, column 1:\n…" → "invalid YAML: implicit keys need to be on a single line". */
function yamlErrorMessage(raw: string): string {
  let text = raw.split('\n')[0] ?? raw;
  text = text.replace(/ at line \d+, column \d+:?\s*$/, '').trim();
  if (text.length > 0) text = text[0]!.toLowerCase() + text.slice(1);
  return `invalid YAML: ${text}`;
}

class Converter {
  private readonly memo = new Map<YamlNode, YNode>();
  private readonly inProgress = new Set<YamlNode>();
  private readonly sizes = new WeakMap<YNode, number>();
  private expanded = 0;
  /** The part of `expanded` that aliases added (a value read again through `*name`). */
  private viaAliases = 0;
  tooLarge = false;

  constructor(
    private readonly file: SourceFile,
    private readonly result: LoadedYaml,
  ) {}

  convert(node: YamlNode, doc: Document.Parsed, depth: number): YNode {
    if (this.tooLarge) return this.nullAt(0);
    if (isAlias(node)) {
      const target = node.resolve(doc) as YamlNode | undefined;
      const span = this.rangeSpan(node.range);
      if (!target) return this.nullAt(span.start);
      if (this.inProgress.has(target)) {
        this.problem(`the alias \`*${node.source}\` refers to the node that contains it; it is read as null`, span);
        return this.nullAt(span.start);
      }
      const converted = this.convert(target, doc, depth);
      this.count(this.sizes.get(converted) ?? 1, span, true);
      return converted;
    }
    const known = this.memo.get(node);
    if (known) return known;
    if (depth > MAX_DEPTH) {
      const span = this.rangeSpan(node.range);
      this.problem(`nesting deeper than ${MAX_DEPTH} levels is not read`, span);
      return this.nullAt(span.start);
    }
    this.inProgress.add(node);
    let out: YNode;
    if (isYamlMap(node)) out = this.convertMap(node, doc, depth);
    else if (isYamlSeq(node)) out = this.convertSeq(node, doc, depth);
    else out = this.convertScalar(node as YamlScalar);
    this.inProgress.delete(node);
    this.memo.set(node, out);
    if (!this.sizes.has(out)) this.sizes.set(out, this.sizeOf(out));
    this.count(1, out.span);
    return out;
  }

  private sizeOf(node: YNode): number {
    let size = 1;
    if (node.kind === 'map') for (const p of node.pairs) size += 1 + (this.sizes.get(p.value) ?? 1);
    else if (node.kind === 'seq') for (const item of node.items) size += this.sizes.get(item) ?? 1;
    return Math.min(size, MAX_EXPANDED_NODES + 1);
  }

  private count(n: number, span: Span, viaAlias = false): void {
    this.expanded += n;
    if (viaAlias) this.viaAliases += n;
    if (this.expanded > MAX_EXPANDED_NODES && !this.tooLarge) {
      this.tooLarge = true;
      const limit = MAX_EXPANDED_NODES.toLocaleString('en');
      // Say which limit was hit: values repeated by aliases (a bomb), or a file simply that large.
      this.result.syntaxError = {
        message:
          this.viaAliases * 2 > this.expanded
            ? `YAML aliases expand to more than ${limit} values (an alias bomb?); slipway does not read this file`
            : `this file holds more than ${limit} YAML values, slipway's limit per file; it is not read (split it with include: local)`,
        span,
      };
    }
  }

  private convertMap(node: import('yaml').YAMLMap, doc: Document.Parsed, depth: number): YMap {
    const own: YPair[] = [];
    const merged: YPair[] = [];
    const seen = new Map<string, YPair>();
    const map: YMap = { kind: 'map', pairs: [], file: this.file, span: this.rangeSpan(node.range) };
    if (node.tag) map.tag = node.tag;
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const rawKey = item.key as YamlNode | null;
      if (rawKey && isYamlScalar(rawKey) && rawKey.source === '<<' && (rawKey.type === 'PLAIN' || rawKey.type === undefined)) {
        this.mergeInto(merged, item.value as YamlNode | null, doc, depth);
        continue;
      }
      const key = this.convertKey(rawKey, doc, item);
      const value = item.value
        ? this.convert(item.value as YamlNode, doc, depth + 1)
        : this.emptyAfter(key);
      const pair: YPair = { key, value };
      const name = keyName(key);
      const previous = seen.get(name);
      if (previous) {
        this.result.duplicates.push({ first: previous, second: pair, map });
        own.splice(own.indexOf(previous), 1);
      }
      seen.set(name, pair);
      own.push(pair);
    }
    const mergedKept: YPair[] = [];
    const mergedNames = new Set<string>();
    for (const pair of merged) {
      const name = keyName(pair.key);
      if (seen.has(name) || mergedNames.has(name)) continue;
      mergedNames.add(name);
      mergedKept.push({ ...pair, merged: true });
    }
    map.pairs = [...mergedKept, ...own];
    return map;
  }

  /** Pairs a `<<` brings in, first source first. */
  private mergeInto(out: YPair[], value: YamlNode | null, doc: Document.Parsed, depth: number): void {
    if (!value) return;
    const sources = isYamlSeq(value) ? (value.items as YamlNode[]) : [value];
    for (const source of sources) {
      const converted = this.convert(source, doc, depth + 1);
      if (converted.kind === 'map') pushAll(out, converted.pairs);
      else this.problem('a `<<` merge key takes a mapping (or a list of mappings) to merge, usually an alias like `*defaults`', this.rangeSpan(source.range));
    }
  }

  private convertKey(raw: YamlNode | null, doc: Document.Parsed, pair: import('yaml').Pair): YScalar {
    if (!raw) {
      const at = this.rangeSpan((pair.value as YamlNode | null)?.range).start;
      return { kind: 'scalar', value: null, style: 'plain', file: this.file, span: { start: at, end: at }, empty: true };
    }
    const converted = this.convert(raw, doc, 0);
    if (converted.kind === 'scalar') return converted;
    // A complex key (`? [a, b]`): keep its source text as the name.
    const text = this.file.text.slice(converted.span.start, converted.span.end);
    return { kind: 'scalar', value: text, style: 'plain', file: this.file, span: converted.span };
  }

  private convertSeq(node: import('yaml').YAMLSeq, doc: Document.Parsed, depth: number): YSeq {
    let span = this.rangeSpan(node.range);
    if (node.tag === REFERENCE_TAG) {
      // Start the span at the tag itself, so findings underline `!reference [...]`.
      const tagAt = this.file.text.lastIndexOf(REFERENCE_TAG, span.start);
      if (tagAt >= 0 && span.start - tagAt <= REFERENCE_TAG.length + 8) span = { start: tagAt, end: span.end };
    }
    const seq: YSeq = { kind: 'seq', items: [], file: this.file, span };
    if (node.tag) seq.tag = node.tag;
    for (const item of node.items) {
      seq.items.push(item ? this.convert(item as YamlNode, doc, depth + 1) : this.nullAt(span.end));
    }
    return seq;
  }

  private convertScalar(node: YamlScalar): YScalar {
    const span = this.rangeSpan(node.range);
    const style = scalarStyle(node.type);
    let value: ScalarValue;
    const raw = node.value as unknown;
    const source = node.source ?? this.file.text.slice(span.start, span.end);
    if (raw === null || raw === undefined) value = null;
    else if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') value = raw;
    else if (typeof raw === 'bigint') value = Number(raw);
    else value = String(source); // timestamps, binary: keep the text
    // Psych reads y/Y/n/N as strings; the YAML 1.1 type repository says booleans.
    if (typeof value === 'boolean' && style === 'plain' && /^[yYnN]$/.test(source)) value = source;
    // Psych reads a lone `.` (or `+.`, `-.`) as a string; the YAML 1.1 float pattern matches it.
    if (typeof value === 'number' && Number.isNaN(value) && !/^[-+]?\.nan$/i.test(source)) value = source;
    const scalar: YScalar = { kind: 'scalar', value, style, file: this.file, span };
    if (node.tag && !node.tag.startsWith('tag:yaml.org,2002:')) scalar.tag = node.tag;
    if (value === null && span.start === span.end) scalar.empty = true;
    return scalar;
  }

  private emptyAfter(key: YScalar): YScalar {
    let at = key.span.end;
    const text = this.file.text;
    while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
    if (text[at] === ':') at++;
    return { kind: 'scalar', value: null, style: 'plain', file: this.file, span: { start: at, end: at }, empty: true };
  }

  private nullAt(offset: number): YScalar {
    return { kind: 'scalar', value: null, style: 'plain', file: this.file, span: { start: offset, end: offset }, empty: true };
  }

  private rangeSpan(range: readonly [number, number, number] | null | undefined): Span {
    if (!range) return { start: 0, end: 0 };
    return { start: range[0], end: Math.max(range[0], range[1]) };
  }

  private problem(message: string, span: Span): void {
    this.result.problems.push({ message, file: this.file, span });
  }
}

function scalarStyle(type: YamlScalar['type']): ScalarStyle {
  switch (type) {
    case 'QUOTE_SINGLE':
      return 'single';
    case 'QUOTE_DOUBLE':
      return 'double';
    case 'BLOCK_LITERAL':
      return 'literal';
    case 'BLOCK_FOLDED':
      return 'folded';
    default:
      return 'plain';
  }
}
