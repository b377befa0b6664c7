/**
 * Made-up secrets for tests, generated so that no test file contains a string a secret
 * scanner would flag: bodies come from a seeded generator at run time.
 */
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

/** A deterministic random-looking string of `length` characters from `alphabet`. */
export function fakeBody(length: number, seed = 1, alphabet = ALNUM): string {
  let state = seed * 2654435761;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out += alphabet[(state >>> 8) % alphabet.length];
  }
  return out;
}

export const fakeHex = (length: number, seed = 1): string => fakeBody(length, seed, HEX);

/** `prefix` + a random body, e.g. fakeToken('glpat-', 20). */
export const fakeToken = (prefix: string, length: number, seed = 1): string => prefix + fakeBody(length, seed);

export const FAKE_PASSWORD = 'Qz8' + fakeBody(9, 7);
