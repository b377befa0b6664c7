import type { SecretHit } from '../engine/types.js';
import { maskSecret } from './mask.js';

/** A hit for text[start, end), masked from the text itself. */
export function secretHit(text: string, detector: string, what: string, start: number, end: number): SecretHit {
  return { detector, what, span: { start, end }, masked: maskSecret(text.slice(start, end)) };
}
