import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'npm-install-instead-of-ci';
const run = (script: string) => `FROM node:22-slim\nRUN ${script}\n`;

describe(rule, () => {
  test('every spelling of a bare install, pointing at npm and the subcommand', async () => {
    expect(await at(rule, run('npm i && npm install --omit=dev && npm --loglevel warn install --registry https://r'))).toEqual([
      'npm i',
      'npm install',
      'npm --loglevel warn install',
    ]);
  });

  test('packages, global tools, no lockfile and npm ci are left alone', async () => {
    const text = run('npm ci && npm install -g pnpm && npm install express && npm install --package-lock=false && npm clean-install && npm run build');
    expect(await at(rule, text)).toEqual([]);
  });
});
