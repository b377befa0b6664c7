import { describe, expect, it } from 'vitest';
import { findPrivateKeys } from '../../src/lint/secrets/detectors/private-key.js';
import { fakeBody } from './fakes.js';
import { found } from './helpers.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const body = (lines: number, seed = 1): string[] => Array.from({ length: lines }, (_, i) => fakeBody(64, seed + i, B64));
const block = (label: string, lines = 4, lineBreak = '\n'): string =>
  ['-----BEGIN ' + label + '-----', ...body(lines), '-----END ' + label + '-----'].join(lineBreak);

describe('private key blocks', () => {
  it.each([
    ['RSA PRIVATE KEY', 'RSA private key'],
    ['OPENSSH PRIVATE KEY', 'OpenSSH private key'],
    ['EC PRIVATE KEY', 'EC private key'],
    ['PRIVATE KEY', 'private key'],
    ['ENCRYPTED PRIVATE KEY', 'encrypted private key'],
    ['PGP PRIVATE KEY BLOCK', 'PGP private key'],
  ])('finds a %s block, span from BEGIN to END', (label, what) => {
    const key = block(label);
    const text = `deploy:\n  script:\n    - echo "x"\n${key}\nafter`;
    const hits = findPrivateKeys(text);
    expect(found(text, hits)).toEqual([['private-key', key]]);
    expect(hits[0]!.what).toBe(what);
    expect(hits[0]!.masked).toBe('----' + '*'.repeat(16) + '…');
  });

  it('finds a key written on one line with \\n escapes', () => {
    const key = block('RSA PRIVATE KEY', 3, '\\n');
    const text = `RUN echo "${key}" > /root/.ssh/id_rsa`;
    expect(found(text, findPrivateKeys(text))).toEqual([['private-key', key]]);
  });

  it('finds a block without an END line, covering its base64 lines', () => {
    const lines = body(3, 20);
    const text = ['  KEY: |', '    -----BEGIN RSA PRIVATE KEY-----', ...lines.map((l) => '    ' + l), '  NEXT: value'].join('\n');
    const [hit] = findPrivateKeys(text);
    const value = text.slice(hit!.span.start, hit!.span.end);
    expect(value.startsWith('-----BEGIN RSA PRIVATE KEY-----')).toBe(true);
    expect(value.endsWith(lines[2]!)).toBe(true);
  });

  it.each([
    ['a header followed by dots', '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----'],
    ['a header with a placeholder', '-----BEGIN PRIVATE KEY-----\n<your key here>\n-----END PRIVATE KEY-----'],
    ['a header alone', 'grep -q "-----BEGIN OPENSSH PRIVATE KEY-----" key.pem'],
    ['a public key', block('PUBLIC KEY')],
    ['a certificate', block('CERTIFICATE')],
  ])('ignores %s', (_what, text) => {
    expect(findPrivateKeys(text)).toEqual([]);
  });
});
