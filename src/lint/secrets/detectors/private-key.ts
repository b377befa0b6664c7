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
 * Scanning uses indexOf and a bounded header pattern, so it is linear in the text.
 */
const BEGIN = '-----BEGIN ';
/** The label after BEGIN: `RSA PRIVATE KEY`, `OPENSSH PRIVATE KEY`, `PGP PRIVATE KEY BLOCK`, … */
const HEADER = /^((?:[A-Z0-9]{1,12} ){0,3})PRIVATE KEY( BLOCK)?-----/;
const MIN_KEY_BODY = 64;
/** PEM (`Proc-Type`, `DEK-Info`) and PGP armor (`Version`, `Comment`) header lines inside a block. */
const ARMOR_HEADER = /^(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset): /;
const ARMOR_HEADER_LINES = /^[ \t]*(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset): .*$/gm;
/** How far an END line is looked for (a 16384-bit RSA key is ~12 kB of PEM). */
const MAX_BLOCK = 64 * 1024;

export function findPrivateKeys(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(BEGIN, from);
    if (start < 0) break;
    from = start + BEGIN.length;
    const header = HEADER.exec(text.slice(from, from + 64));
    if (!header) continue;
    const label = header[0].slice(0, -'-----'.length);
    const bodyStart = from + header[0].length;
    const endMarker = `-----END ${label}-----`;
    const endAt = text.indexOf(endMarker, bodyStart);
    const closed = endAt >= 0 && endAt - bodyStart <= MAX_BLOCK;
    const body = closed ? text.slice(bodyStart, endAt) : unclosedBody(text, bodyStart);
    if (base64Count(body) < MIN_KEY_BODY) continue;
    const end = closed ? endAt + endMarker.length : bodyStart + body.length;
    hits.push(secretHit(text, 'private-key', describe(label), start, end));
    from = end;
  }
  return hits;
}

/** Without an END line: the lines after the header that are only base64 (real or `\n` line breaks). */
function unclosedBody(text: string, bodyStart: number): string {
  const window = text.slice(bodyStart, bodyStart + MAX_BLOCK);
  const lineBreak = /\r?\n|\r|\\n/g;
  let end = 0;
  let lineStart = 0;
  for (;;) {
    const m = lineBreak.exec(window);
    const lineEnd = m ? m.index : window.length;
    const line = window.slice(lineStart, lineEnd).trim();
    const bare = stripEnds(line, '"\'|>', '"\',');
    const isBase64Line = /^[A-Za-z0-9+/=]*$/.test(bare) || ARMOR_HEADER.test(bare);
    if (!isBase64Line || (bare.length === 0 && end > 0)) break;
    end = lineEnd;
    if (!m) break;
    lineStart = m.index + m[0].length;
  }
  return window.slice(0, end);
}

/** `line` without leading characters from `lead` and trailing ones from `trail` (no regex: linear). */
function stripEnds(line: string, lead: string, trail: string): string {
  let a = 0;
  let b = line.length;
  while (a < b && lead.includes(line[a]!)) a++;
  while (b > a && trail.includes(line[b - 1]!)) b--;
  return line.slice(a, b);
}

function base64Count(body: string): number {
  const cleaned = body.replace(/\\[nr]/g, '').replace(ARMOR_HEADER_LINES, '');
  let n = 0;
  for (let i = 0; i < cleaned.length; i++) {
    const c = cleaned.charCodeAt(i);
    const isB64 = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
    if (isB64) n++;
  }
  return n;
}

const ACRONYMS: Record<string, string> = { OPENSSH: 'OpenSSH', ENCRYPTED: 'encrypted' };

/** `RSA PRIVATE KEY` → "RSA private key"; `PRIVATE KEY` → "private key". */
function describe(label: string): string {
  const words = label.replace(/ BLOCK$/, '').split(' ');
  return words.map((w) => ACRONYMS[w] ?? (w === 'PRIVATE' || w === 'KEY' ? w.toLowerCase() : w)).join(' ');
}
