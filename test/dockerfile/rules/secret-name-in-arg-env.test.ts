import { describe, expect, test } from 'vitest';
import { FAKE_PASSWORD } from '../../../src/lint/secrets/rules/fake-secrets.js';
import { at } from './helpers.js';

const rule = 'secret-name-in-arg-env';

describe(rule, () => {
  test('names of ARG and ENV (ONBUILD too), at the name', async () => {
    const text = 'FROM a:1\nARG GITHUB_TOKEN\nARG TOKEN_FILE CACHE_KEY\nENV API_KEY=$API_KEY\nONBUILD ARG NPM_AUTH_TOKEN\n';
    expect(await at(rule, text)).toEqual(['GITHUB_TOKEN', 'API_KEY', 'NPM_AUTH_TOKEN']);
  });

  test('empty ENV, paths, and literal secrets (reported by secrets/secret-named-literal) are skipped', async () => {
    const text = `FROM a:1\nENV DB_PASSWORD=\nENV SECRET_TOKEN=/run/secrets/token\nENV DB_PASSWORD=${FAKE_PASSWORD}\n`;
    expect(await at(rule, text)).toEqual([]);
  });
});
