import { describe, expect, it } from 'vitest';
import { maskSecret } from '../../src/lint/secrets/mask.js';
import { fakeToken } from './fakes.js';

describe('maskSecret', () => {
  it('keeps the first 4 characters of a long value and hides the rest, one star each', () => {
    const token = fakeToken('glpat-', 10);
    expect(maskSecret(token)).toBe('glpa************');
  });

  it('caps the stars at 16 and marks the cut', () => {
    expect(maskSecret('a'.repeat(3000))).toBe('aaaa' + '*'.repeat(16) + '…');
  });

  it('shows at most a quarter of a short value', () => {
    expect(maskSecret('hunter2')).toBe('h******');
    expect(maskSecret('abcdefgh')).toBe('ab******');
    expect(maskSecret('abc')).toBe('***');
    expect(maskSecret('')).toBe('');
  });

  it('never shows half of a surrogate pair', () => {
    const masked = maskSecret('\u{1F600}'.repeat(4)); // 8 code units, keep would be 2
    expect(masked.startsWith('\u{1F600}')).toBe(true);
    // 17 code units: 4 would be kept, but the 4th is the first half of an emoji.
    expect(maskSecret('abc\u{1F600}' + 'b'.repeat(12))).toBe('abc' + '*'.repeat(14));
  });

  it('never returns the whole value', () => {
    for (const value of ['x', 'xy', 'abcd', 'abcde', 'password1', fakeToken('ghp_', 36)]) {
      expect(maskSecret(value)).not.toBe(value);
      expect(maskSecret(value)).not.toContain(value);
    }
  });
});
