import { describe, expect, it } from 'vitest';
import { isSecretName, nameWords } from '../../src/lint/secrets/secret-name.js';

describe('nameWords', () => {
  it('splits on separators and camelCase', () => {
    expect(nameWords('dbPassword')).toEqual(['db', 'password']);
    expect(nameWords('SECRET.key-ID')).toEqual(['secret', 'key', 'id']);
  });
});

describe('isSecretName', () => {
  it.each([
    'PASSWORD',
    'DB_PASSWORD',
    'db-password',
    'dbPassword',
    'DBPASSWORD',
    'MYSQL_ROOT_PASSWORD',
    'DB_USER_PASSWORD',
    'GPG_KEY_PASSPHRASE',
    'SMTP_PASS',
    'SECRET_KEY',
    'SECRET_KEY_BASE',
    'AWS_SECRET_ACCESS_KEY',
    'API_KEY',
    'apiKey',
    'APIKEY',
    'PRIVATE_KEY',
    'GITLAB_TOKEN',
    'AUTHTOKEN',
    'CLIENT_SECRET',
    'NPM_AUTH',
    'DOCKER_CREDENTIALS',
    'secret.password',
    'SIGNING_KEY',
  ])('%s is a secret name', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    'TOKEN_FILE',
    'PASSWORD_FILE',
    'DB_PASSWORD_PATH',
    'API_KEY_ID',
    'AWS_ACCESS_KEY_ID',
    'SECRET_NAME',
    'TOKEN_URL',
    'TOKEN_TTL',
    'PASSWORD_LENGTH',
    'PASSWORD_HASH',
    'HASHED_PASSWORD',
    'PUBLIC_KEY',
    'GPG_KEY',
    'CACHE_KEY',
    'KEY',
    'SORT_KEY',
    'AUTH_METHOD',
    'PASS_THROUGH',
    'DUMMY_PASSWORD',
    'USERNAME',
    'KEYSERVER',
    'secret_detection',
    'TOKENIZER',
    '',
  ])('%s is not a secret name', (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});
