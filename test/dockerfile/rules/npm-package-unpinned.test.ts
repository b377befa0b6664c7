import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'npm-package-unpinned';
const run = (script: string) => `FROM node:20-slim\nRUN ${script}\n`;

describe(rule, () => {
  test('versions and ranges pin; dist-tags and bare names do not', async () => {
    expect(await at(rule, run('npm i -g a@1.2.3 @s/b@^2 c@~1.0 d@">=1 <2" e@npm:f@1.0.0'))).toEqual([]);
    expect(await at(rule, run('npm install -g a@latest'))).toEqual(['a@latest']);
    expect(await at(rule, run('npm install -g @scope/pkg'))).toEqual(['@scope/pkg']);
    expect(await at(rule, run('npm install -g a@next'))).toEqual(['a@next']);
  });

  test('git URLs and GitHub shorthands need #ref; paths and tarballs are pinned', async () => {
    expect(await at(rule, run('npm install user/repo#v1 github:u/r#abc1234 ./lib /x.tgz https://r/x-1.0.0.tgz'))).toEqual([]);
    expect(await at(rule, run('npm install user/repo'))).toEqual(['user/repo']);
    expect(await at(rule, run('npm install git+https://github.com/u/r.git'))).toEqual(['git+https://github.com/u/r.git']);
  });

  test('bare install, ci and option values are not reported', async () => {
    expect(await at(rule, run('npm install && npm ci && npm install --registry https://r --omit dev'))).toEqual([]);
  });
});
