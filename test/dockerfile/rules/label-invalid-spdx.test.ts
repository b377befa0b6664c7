import { describe, expect, test } from 'vitest';
import { isSpdxExpression, LABEL_CHECKS } from '../../../src/lint/dockerfile/labels.js';
import { at } from './helpers.js';

describe('label value types', () => {
  test('SPDX expressions', () => {
    for (const ok of ['MIT', 'Apache-2.0', 'MIT OR Apache-2.0', '(MIT AND BSD-3-Clause) OR GPL-2.0-or-later', 'GPL-2.0-only WITH Classpath-exception-2.0', 'LicenseRef-acme', 'GPL-2.0+', 'GPL-2.0']) {
      expect(isSpdxExpression(ok), ok).toBe(true);
    }
    for (const bad of ['', 'Apache 2', 'MIT and BSD', 'MIT OR', '(MIT', 'MIT)', 'Proprietary', 'OR MIT']) expect(isSpdxExpression(bad), bad).toBe(false);
  });

  test('the other types', () => {
    expect(LABEL_CHECKS.url('https://github.com/a/b')).toBe(true);
    expect(LABEL_CHECKS.url('github.com/a/b')).toBe(false);
    expect(LABEL_CHECKS.rfc3339('2024-05-01T12:00:00+02:00')).toBe(true);
    expect(LABEL_CHECKS.rfc3339('2024-05-01')).toBe(false);
    expect(LABEL_CHECKS.semver('1.2.3-rc.1+b.5')).toBe(true);
    expect(LABEL_CHECKS.semver('v1.2.3')).toBe(false);
    expect(LABEL_CHECKS.hash('4f2a9c1')).toBe(true);
    expect(LABEL_CHECKS.hash('4f2a9c')).toBe(false);
    expect(LABEL_CHECKS.hash('a'.repeat(64))).toBe(true);
    expect(LABEL_CHECKS.email('a@example.com')).toBe(true);
    expect(LABEL_CHECKS.email('A <a@example.com>')).toBe(false);
  });

  test('values are judged after substitution, at the value; unknown and empty values are left alone', async () => {
    const options = { labelSchema: { license: 'spdx' } };
    const text = 'FROM a:1\nARG L=Apache\nARG U\nLABEL license=$L\nLABEL license=$U\nLABEL license=""\nLABEL other=Apache\n';
    expect(await at('label-invalid-spdx', text, options)).toEqual(['$L']);
  });
});
