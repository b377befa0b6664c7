/**
 * Masking of secret values. Output never shows a whole secret: a rule that quotes a secret in
 * its message passes it through `maskSecret` (all but at most 4 leading characters hidden),
 * and reports its offsets in `Report.secrets` so that code frames mask it too. The secret
 * hits of every file (`AnyFileDoc.secrets`) are masked in code frames as well.
 */
import { maskSecret, VISIBLE_CHARACTERS } from '../secrets/mask.js';

export { maskSecret };

/**
 * Replaces each secret span of `text` by its first characters and `*` up to the same length,
 * so that columns stay aligned in code frames (used for displayed source lines).
 */
export function maskSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  if (spans.length === 0) return text;
  const chars = text.split('');
  for (const { start, end } of spans) {
    const s = Math.max(0, start);
    const e = Math.min(text.length, end);
    const visible = Math.min(VISIBLE_CHARACTERS, Math.floor((e - s) / 4));
    for (let i = s + visible; i < e; i++) {
      if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = '*';
    }
  }
  return chars.join('');
}

/**
 * Masks every occurrence of the given secret values in a message: the engine's safety net
 * for findings whose rule reported secret spans. Values shorter than 6 characters are left
 * alone (too likely to match ordinary words).
 */
export function maskSecretsIn(message: string, secrets: Iterable<string>): string {
  let out = message;
  const sorted = [...new Set(secrets)].filter((s) => s.length >= 6).sort((a, b) => b.length - a.length);
  for (const secret of sorted) {
    if (out.includes(secret)) out = out.split(secret).join(maskSecret(secret));
  }
  return out;
}
