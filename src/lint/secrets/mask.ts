/**
 * The only printable form of a secret.
 *
 * At most 4 characters stay visible, and they are the first ones: for a known token format
 * they are its public prefix (`glpa…`, `ghp_…`), which says what leaked without giving any
 * of the random part away. A short value keeps fewer (a quarter of its length, rounded
 * down), so `hunter2` shows `h******` rather than more than half of itself. One `*` stands
 * for each hidden character up to MAX_STARS, then `…`: a 3 kB private key block masks to a
 * short string that a message can carry.
 */

/** How many characters of a secret may be shown. */
export const VISIBLE_CHARACTERS = 4;
const MAX_STARS = 16;

export function maskSecret(value: string): string {
  let keep = Math.min(VISIBLE_CHARACTERS, Math.floor(value.length / 4));
  // Never show half of a surrogate pair.
  if (keep > 0 && isHighSurrogate(value.charCodeAt(keep - 1))) keep--;
  const hidden = value.length - keep;
  const stars = '*'.repeat(Math.min(hidden, MAX_STARS));
  return value.slice(0, keep) + stars + (hidden > MAX_STARS ? '…' : '');
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
