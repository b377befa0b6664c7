import { describe, expect, it } from 'vitest';
import { detectorId, whatOf } from '../../src/lint/secrets/detectors/secretlint.js';
import { secretFamily } from '../../src/lint/secrets/families.js';

describe('secretlint adapter', () => {
  it.each([
    ['AWSSecretAccessKey', 'aws-secret-access-key', 'token'],
    ['GITHUB_TOKEN', 'github-token', 'token'],
    ['Npmrc_authToken', 'npmrc-auth-token', 'token'],
    ['PrivateKey', 'private-key', 'private-key'],
    ['PrivateKeyJSON', 'private-key-json', 'private-key'],
    ['PrivateKeyP12', 'private-key-p12', 'private-key'],
  ])('maps message id %s to detector %s of family %s', (messageId, detector, family) => {
    expect(detectorId(messageId)).toBe(detector);
    expect(secretFamily(detectorId(messageId))).toBe(family);
  });

  it('takes what was found from the message with the secret removed first', () => {
    const secret = 'ab:cd' + 'ef:gh12';
    expect(whatOf(`found GitHub Token(ghp): ${secret}`, [secret], 'GITHUB_TOKEN')).toBe('GitHub Token(ghp)');
    expect(whatOf(`found thing: ${secret}`, [], 'X_ID')).not.toContain(secret);
    expect(whatOf('', [], 'X_ID')).toBe('X_ID');
  });
});
