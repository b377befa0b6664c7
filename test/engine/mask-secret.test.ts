import { describe, expect, test } from 'vitest';
import { maskSecret, maskSecretsIn, maskSpans } from '../../src/lint/engine/mask-secret.js';

describe('secret masking', () => {
  test('maskSecret keeps at most 4 leading characters', () => {
    expect(maskSecret('glpat-abcdefghijklmnopqrst')).toMatch(/^glpa\*+…?$/);
    expect(maskSecret('hunter2')).toMatch(/^h\*+$/);
    expect(maskSecret('glpat-abcdefghijklmnopqrst')).not.toContain('abcdefgh');
  });

  test('maskSpans hides secrets in displayed text and keeps columns', () => {
    const text = 'ENV TOKEN=glpat-abcdefghijklmnop\nRUN x\n';
    const start = text.indexOf('glpat');
    const masked = maskSpans(text, [{ start, end: start + 'glpat-abcdefghijklmnop'.length }]);
    expect(masked).toBe('ENV TOKEN=glpa******************\nRUN x\n');
    expect(masked.length).toBe(text.length);
  });

  test('maskSecretsIn masks quoted secrets in a message but leaves short words', () => {
    expect(maskSecretsIn('token glpat-abcdefghijklmnop in ENV', ['glpat-abcdefghijklmnop', 'ENV'])).toMatch(/^token glpa\*+…? in ENV$/);
  });
});
