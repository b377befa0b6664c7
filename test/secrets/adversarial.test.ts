import { describe, expect, it } from 'vitest';
import { findGitlabTokens } from '../../src/lint/secrets/detectors/gitlab-tokens.js';
import { findSecretNamedLiterals } from '../../src/lint/secrets/detectors/named-literal.js';
import { findPrivateKeys } from '../../src/lint/secrets/detectors/private-key.js';
import { findPypiTokens } from '../../src/lint/secrets/detectors/pypi-token.js';
import { findUrlCredentials } from '../../src/lint/secrets/detectors/url-credentials.js';
import { whyNotASecret } from '../../src/lint/secrets/literal-value.js';
import { isSecretName } from '../../src/lint/secrets/secret-name.js';
import { scanSecrets } from '../../src/lint/secrets/scan.js';
import { sourceFile } from './helpers.js';

/**
 * Inputs built to make a backtracking pattern go quadratic or exponential: each unit is
 * repeated to ~50k characters, alone and followed by a character that makes the last
 * attempt fail. A detector passes by returning (the test timeout bounds it); the patterns
 * are written to be linear, and this is what would catch one that is not.
 */
const UNITS = [
  'a',
  ' ',
  '\t',
  '=',
  ':',
  '-',
  '_',
  '.',
  '/',
  '@',
  '"',
  "'",
  '\\',
  '\\n',
  '\n',
  '\r',
  '$',
  '{{',
  '%a',
  'a=',
  '"a=',
  'a: ',
  '"k": ',
  '- ',
  'gl',
  'glpat-',
  'glpat-a',
  'glrt-t1_',
  'GR1348941',
  '_gitlab_session=',
  'pypi-AgEIcHlwaS5vcmc',
  '-----BEGIN ',
  '-----BEGIN RSA PRIVATE KEY-----',
  '-----BEGIN RSA PRIVATE KEY-----\nAAAA',
  'AAAA',
  'x://',
  'x://a:',
  'x://a:b',
  'a:b@',
  'ENV ',
  'ENV A ',
  'export ',
  'ARG A=',
  'PASSWORD=',
  'PASSWORD: ',
  'PASSWORD:\n  ',
  '  value: ',
  '-H "Authorization: ',
  'Bearer ',
  'API_KEY_',
  'aB',
];
const SIZE = 50_000;

function adversarial(unit: string): string[] {
  const repeated = unit.repeat(Math.ceil(SIZE / unit.length));
  return [repeated, repeated + '!', 'PASSWORD=' + repeated, 'x://u:' + repeated + '@h'];
}

const DETECTORS = {
  findGitlabTokens,
  findPypiTokens,
  findPrivateKeys,
  findUrlCredentials,
  findSecretNamedLiterals,
  whyNotASecret: (text: string) => [whyNotASecret(text)],
  isSecretName: (text: string) => [isSecretName(text)],
};

describe('adversarial inputs', () => {
  for (const [name, detect] of Object.entries(DETECTORS)) {
    it(`${name} returns on every repeated unit`, () => {
      let calls = 0;
      for (const unit of UNITS) {
        for (const text of adversarial(unit)) {
          expect(Array.isArray(detect(text))).toBe(true);
          calls++;
        }
      }
      expect(calls).toBe(UNITS.length * 4);
    });
  }

  it('scanSecrets (with secretlint) returns on every repeated unit', async () => {
    for (const unit of UNITS) {
      for (const text of adversarial(unit)) {
        expect(Array.isArray(await scanSecrets(sourceFile(text)))).toBe(true);
      }
    }
  });
});
