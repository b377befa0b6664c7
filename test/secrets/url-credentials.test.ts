import { describe, expect, it } from 'vitest';
import { findUrlCredentials } from '../../src/lint/secrets/detectors/url-credentials.js';
import { FAKE_PASSWORD } from './fakes.js';
import { found } from './helpers.js';

describe('passwords in URLs', () => {
  it.each([
    `DATABASE_URL: postgres://app:${FAKE_PASSWORD}@db.example.com:5432/app`,
    `pip install --index-url https://deploy:${FAKE_PASSWORD}@pypi.example.com/simple x`,
    `git clone https://gitlab-ci-token:${FAKE_PASSWORD}@gitlab.example.com/g/p.git`,
    `MONGO: "mongodb+srv://root:${FAKE_PASSWORD}@cluster0.example.net/db"`,
    `proxy=http://me:${FAKE_PASSWORD}@proxy.corp:3128`,
  ])('finds the password alone in %s', (text) => {
    const hits = findUrlCredentials(text);
    expect(found(text, hits)).toEqual([['url-password', FAKE_PASSWORD]]);
    expect(hits[0]!.what).toMatch(/^password in a `[a-z+]+:\/\/` URL$/);
  });

  it('names the scheme', () => {
    const [hit] = findUrlCredentials(`redis://:${FAKE_PASSWORD}@cache.example.com`.replace('://:', '://u:'));
    expect(hit!.what).toBe('password in a `redis://` URL');
  });

  it.each([
    'postgres://app:$DB_PASSWORD@db.example.com/app',
    'postgres://app:${DB_PASSWORD}@db.example.com/app',
    'https://user:%s@host.example.com',
    'postgres://postgres:postgres@postgres/test',
    'mysql://root:root@mysql/test',
    'https://user:password@example.com',
    'https://user:changeme@example.com',
    'https://user:xxxxxxxx@example.com',
    'https://user:<password>@example.com',
    'http://localhost:8080@foo',
    'ssh://git@gitlab.com:group/project.git',
    'git@gitlab.com:group/project.git',
    'https://gitlab.com/group/project',
    'https://user:@example.com',
  ])('ignores %s', (text) => {
    expect(findUrlCredentials(text)).toEqual([]);
  });
});
