import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'yarn-cache-not-cleaned';
const node = 'FROM node:20-slim\n';

describe(rule, () => {
  test('bare yarn, yarn add and yarn global add install; yarn build and yarn --version do not', async () => {
    expect(await at(rule, `${node}RUN yarn\nRUN yarn add a@1\nRUN yarn global add b@1\nRUN yarn build && yarn --version\n`)).toEqual(['yarn', 'yarn add', 'yarn global add']);
  });

  test('clean-up after the install, removing the cache, or a mount on the configured folder', async () => {
    const text =
      `${node}RUN yarn install && yarn cache clean --all\nRUN yarn install && rm -rf "$(yarn cache dir)"\n` +
      'RUN --mount=type=cache,target=/yc yarn install --cache-folder /yc\nENV YARN_CACHE_FOLDER=/cache/yarn\nRUN --mount=type=cache,target=/cache yarn install\n';
    expect(await at(rule, text)).toEqual([]);
    expect(await at(rule, `${node}RUN yarn cache clean && yarn install\n`)).toEqual(['yarn install']);
  });
});
