import { describe, expect, it } from 'vitest';
import { isLiteralSecret, whyNotASecret } from '../../src/lint/secrets/literal-value.js';
import { FAKE_PASSWORD, fakeBody } from './fakes.js';

describe('whyNotASecret', () => {
  it('accepts literal values', () => {
    expect(whyNotASecret(FAKE_PASSWORD)).toBeUndefined();
    expect(whyNotASecret(fakeBody(40, 3))).toBeUndefined();
    expect(isLiteralSecret('s9-Kd!q2Lm')).toBe(true);
  });

  it.each([
    ['$PASSWORD', 'reference'],
    ['${PASSWORD}', 'reference'],
    ['$(cat /run/secrets/x)', 'reference'],
    ['${{ secrets.X }}', 'reference'],
    ['$$CI_JOB_TOKEN', 'reference'],
    ['{{ vault_password }}', 'reference'],
    ['%DB_PASSWORD%', 'reference'],
    ['@DB_PASSWORD@', 'reference'],
    ['<your-token>', 'reference'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['true', 'boolean'],
    ['3600', 'number'],
    ['abc', 'too short'],
    ['/run/secrets/token', 'file path'],
    ['./token.txt', 'file path'],
    ['~/.ssh/id_rsa', 'file path'],
    ['https://vault.example.com', 'url'],
    ['vault:secret/data/db#password', 'secret-store reference'],
    ['arn:aws:secretsmanager:eu-west-1:1:secret:x', 'secret-store reference'],
    ['DEPLOY_TOKEN', 'variable name'],
    ['changeme', 'placeholder'],
    ['postgres', 'placeholder'],
    ['xxxxxxxx', 'placeholder'],
    ['********', 'placeholder'],
    ['your_token_here', 'placeholder'],
    ['test-secret-key', 'placeholder'],
    ['django-insecure-abc123xyz', 'placeholder'],
    ['the token of the bot', 'prose'],
    ['secret_key', 'placeholder'],
    ['nottherealsecretkeydontworry', 'placeholder'],
    ['value1', 'placeholder'],
    ['tls-wildcard-review-app', 'name'],
    ['{env:DB_PASSWORD:debug}', 'reference'],
    ['\\(.*\\)', 'reference'],
  ])('%j is not reported (%s)', (value, why) => {
    expect(whyNotASecret(value)).toBe(why);
  });

  it('treats a value equal to a word of its name as a placeholder', () => {
    expect(whyNotASecret('mariadb2', { nameWords: ['mariadb2', 'password'] })).toBe('placeholder');
    expect(whyNotASecret('mariadb2', { nameWords: ['other'] })).toBeUndefined();
  });

  it('honours a lower minimum length', () => {
    expect(whyNotASecret('k9Lm', { minLength: 4 })).toBeUndefined();
    expect(whyNotASecret('k9Lm')).toBe('too short');
  });
});
