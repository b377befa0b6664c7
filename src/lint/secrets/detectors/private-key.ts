import type { SecretHit } from '../../engine/types.js';
import { secretHit } from '../hit.js';

/**
 * PEM/OpenSSH/PGP private key blocks: `-----BEGIN <…>PRIVATE KEY-----` … `-----END …-----`,
 * written out or squeezed onto one YAML line with `\n` escapes.
 *
 * A header alone is not a key: documentation writes `-----BEGIN RSA PRIVATE KEY-----` then
 * `...` or `<your key>`. A block counts when its body has at least MIN_KEY_BODY base64
 * characters (the smallest real keys, Ed25519 in OpenSSH form, have ~350). The span covers
 * the whole block (what must be removed), or the header and body when the END line is missing.
 * Scanning uses indexOf, a bounded header pattern and character loops over bodies that
 * never overlap, so it is linear in the text.
 */
const BEGIN = '-----BEGIN ';
/** The label after BEGIN: `RSA PRIVATE KEY`, `OPENSSH PRIVATE KEY`, `PGP PRIVATE KEY BLOCK`, … */
const HEADER = /^((?:[A-Z0-9]{1,12} ){0,3})PRIVATE KEY( BLOCK)?-----/;
const MIN_KEY_BODY = 64;
/** PEM (`Proc-Type`, `DEK-Info`) and PGP armor (`Version`, `Comment`) header lines inside a block. */
const ARMOR_HEADER = /(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset): /y;
/** How far an END line is looked for (a 16384-bit RSA key is ~12 kB of PEM). */
const MAX_BLOCK = 64 * 1024;

export function findPrivateKeys(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  const ends = new EndMarkers(text);
  let from = 0;
  for (;;) {
    const start = text.indexOf(BEGIN, from);
    if (start < 0) break;
    from = start + BEGIN.length;
    const header = HEADER.exec(text.slice(from, from + 64));
    if (!header) continue;
    const label = header[0].slice(0, -'-----'.length);
    const bodyStart = from + header[0].length;
    const endAt = ends.next(label, bodyStart);
    const nextBegin = text.indexOf(BEGIN, bodyStart);
    // A block is closed by its END line unless another BEGIN comes first: bodies never
    // overlap, so counting them stays linear in the text.
    const closed = endAt >= 0 && endAt - bodyStart <= MAX_BLOCK && (nextBegin < 0 || nextBegin > endAt);
    const bodyEnd = closed ? endAt : unclosedBodyEnd(text, bodyStart);
    if (base64Count(text, bodyStart, bodyEnd) < MIN_KEY_BODY) continue;
    const end = closed ? endAt + `-----END ${label}-----`.length : bodyEnd;
    hits.push(secretHit(text, 'private-key', describe(label), start, end));
    from = end;
  }
  return hits;
}

/** The first END line of a label at or after a position; each label's END lines are searched once, in order. */
class EndMarkers {
  private readonly found = new Map<string, number>();
  constructor(private readonly text: string) {}

  next(label: string, from: number): number {
    const known = this.found.get(label);
    if (known !== undefined && (known < 0 || known >= from)) return known;
    const at = this.text.indexOf(`-----END ${label}-----`, from);
    this.found.set(label, at);
    return at;
  }
}

/**
 * Without an END line, the body is the lines after the header that hold only base64 (or
 * a PEM/PGP armor header), each possibly indented, quoted, and broken by a real or a `\n`
 * line break. Scanned character by character; stops at the first other character.
 */
function unclosedBodyEnd(text: string, bodyStart: number): number {
  const limit = Math.min(text.length, bodyStart + MAX_BLOCK);
  let end = bodyStart;
  let i = bodyStart;
  while (i < limit) {
    let j = skip(text, i, limit, ' \t"\'|>');
    ARMOR_HEADER.lastIndex = j;
    if (ARMOR_HEADER.test(text)) j = lineEnd(text, ARMOR_HEADER.lastIndex, limit);
    else {
      const runStart = j;
      while (j < limit && isBase64(text.charCodeAt(j))) j++;
      if (j === runStart && end > bodyStart) break;
    }
    j = skip(text, j, limit, ' \t"\',');
    const next = afterLineBreak(text, j, limit);
    // A body line ends at a line break (or the text's end); anything else is not a body line.
    if (next < 0 && j < text.length) break;
    end = j;
    if (next < 0) break;
    i = next;
  }
  return end;
}

function skip(text: string, from: number, limit: number, chars: string): number {
  let i = from;
  while (i < limit && chars.includes(text[i]!)) i++;
  return i;
}

function lineEnd(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && text[i] !== '\n' && text[i] !== '\r' && !(text[i] === '\\' && text[i + 1] === 'n')) i++;
  return i;
}

/** The offset after a line break (`\n`, `\r\n`, `\r` or an escaped `\\n`) at `at`, or -1. */
function afterLineBreak(text: string, at: number, limit: number): number {
  if (at >= limit) return -1;
  if (text[at] === '\r') return text[at + 1] === '\n' ? at + 2 : at + 1;
  if (text[at] === '\n') return at + 1;
  if (text[at] === '\\' && text[at + 1] === 'n') return at + 2;
  return -1;
}

function isBase64(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61;
}

/** Base64 characters in text[start, end), not counting the `n`/`r` of `\n`/`\r` escapes. */
function base64Count(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    if (text[i] === '\\' && (text[i + 1] === 'n' || text[i + 1] === 'r')) {
      i++;
      continue;
    }
    if (isBase64(text.charCodeAt(i))) n++;
  }
  return n;
}

const ACRONYMS: Record<string, string> = { OPENSSH: 'OpenSSH', ENCRYPTED: 'encrypted' };

/** `RSA PRIVATE KEY` → "RSA private key"; `PRIVATE KEY` → "private key". */
function describe(label: string): string {
  const words = label.replace(/ BLOCK$/, '').split(' ');
  return words.map((w) => ACRONYMS[w] ?? (w === 'PRIVATE' || w === 'KEY' ? w.toLowerCase() : w)).join(' ');
}
