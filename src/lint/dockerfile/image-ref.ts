/** FROM image references: `[registry/]name[:tag][@digest]`, after ARG substitution, with spans. */
import type { Span } from '../engine/types.js';
import type { ImagePart, ImageRef, Token } from './model.js';
import { expand, isKnownRange, spanOfRange, type Expansion, type Lookup } from './variables.js';

/**
 * Parses the image argument of a FROM. `lookup` gives the global ARG values. The stage link is filled in
 * by the caller (it knows the earlier stages).
 */
export function parseImageRef(token: Token, raw: string, lookup: Lookup, escapeChar: string): ImageRef {
  const exp = expand(raw, token.span.start, lookup, escapeChar);
  // Unknown variables stay as written (`${TAG}`) in the value; hide their characters from the
  // reference grammar so a `:` or `/` inside `${X:?msg}` is not read as a separator.
  let parseable = '';
  for (const p of exp.pieces) parseable += p.known ? exp.value.slice(p.start, p.end) : 'x'.repeat(p.end - p.start);
  const ranges = splitReference(parseable);
  const part = (r: [number, number] | undefined): ImagePart | undefined =>
    r === undefined ? undefined : makePart(exp, r[0], r[1], token.span);
  return {
    token,
    resolved: exp.value,
    unresolved: exp.unresolved,
    usesVariables: exp.usesVariables,
    registry: part(ranges.registry),
    name: part(ranges.name) ?? { value: '', span: token.span, known: true },
    tag: part(ranges.tag),
    digest: part(ranges.digest),
    isScratch: exp.value.toLowerCase() === 'scratch',
    stage: undefined,
    isStageRef: false,
  };
}

function makePart(exp: Expansion, start: number, end: number, fallback: Span): ImagePart {
  return {
    value: exp.value.slice(start, end),
    span: spanOfRange(exp.pieces, start, end, fallback),
    known: isKnownRange(exp.pieces, start, end),
  };
}

interface ReferenceRanges {
  registry?: [number, number];
  name?: [number, number];
  tag?: [number, number];
  digest?: [number, number];
}

/** Splits a reference into the ranges of its parts (Docker's rules for what a registry is). */
export function splitReference(ref: string): ReferenceRanges {
  const out: ReferenceRanges = {};
  let end = ref.length;
  const at = ref.indexOf('@');
  if (at >= 0) {
    out.digest = [at + 1, ref.length];
    end = at;
  }
  let start = 0;
  const slash = ref.indexOf('/');
  if (slash >= 0 && slash < end) {
    const first = ref.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      out.registry = [0, slash];
      start = slash + 1;
    }
  }
  const lastSlash = ref.lastIndexOf('/', end - 1);
  const colon = ref.indexOf(':', Math.max(start, lastSlash + 1));
  if (colon >= 0 && colon < end) {
    out.tag = [colon + 1, end];
    end = colon;
  }
  out.name = [start, end];
  return out;
}
