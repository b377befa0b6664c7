import { describe, expect, test } from 'vitest';
import { at, hits } from './helpers.js';

const rule = 'env-disables-verification';

describe(rule, () => {
  test('ENV and ARG pairs, global ARGs and ONBUILD included, at the pair', async () => {
    const text = [
      'ARG PIP_INDEX_URL=http://pypi.internal/simple',
      'FROM python:3.13-slim',
      'ENV PYTHONUNBUFFERED=1 PYTHONHTTPSVERIFY=0',
      'ENV npm_config_strict_ssl=false',
      'ARG GIT_SSL_NO_VERIFY=',
      'ONBUILD ENV GOSUMDB=off',
      '',
    ].join('\n');
    expect(await at(rule, text)).toEqual(['PIP_INDEX_URL=http://pypi.internal/simple', 'PYTHONHTTPSVERIFY=0', 'npm_config_strict_ssl=false', 'GIT_SSL_NO_VERIFY=', 'GOSUMDB=off']);
  });

  test('the message says how far it reaches', async () => {
    const [env, arg] = await hits(rule, 'FROM node:22-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nARG PIP_TRUSTED_HOST=x\n');
    expect(env!.message).toMatch(/in the running container/);
    expect(arg!.message).toMatch(/every later RUN of the stage/);
  });

  test('safe values and ARGs without a value are left alone', async () => {
    const text = 'FROM node:22-slim\nARG GIT_SSL_NO_VERIFY\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 PIP_INDEX_URL=https://x/simple GOSUMDB=sum.golang.org PYTHONHTTPSVERIFY=1\n';
    expect(await at(rule, text)).toEqual([]);
  });
});
