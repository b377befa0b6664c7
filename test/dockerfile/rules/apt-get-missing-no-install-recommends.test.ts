import { describe, expect, test } from 'vitest';
import { fixText } from '../../../src/lint/index.js';
import { fixed, hits } from './helpers.js';
import { fixed as fixedCi } from '../../gitlab-ci/rules/fix-helper.js';

const rule = 'apt-get-missing-no-install-recommends';
const from = 'FROM debian:bookworm-slim\n';

describe(rule, () => {
  test('the option goes before the first package, after the options and their values', async () => {
    expect(await fixed(rule, `${from}RUN apt-get -q install -y -o Dpkg::Use-Pty=0 "curl" git\n`)).toBe(
      `${from}RUN apt-get -q install -y -o Dpkg::Use-Pty=0 --no-install-recommends "curl" git\n`,
    );
    expect(await fixed(rule, `${from}RUN sudo apt install -y curl\n`)).toBe(`${from}RUN sudo apt install -y --no-install-recommends curl\n`);
  });

  test('continuation lines and indentation stay as they were', async () => {
    const text = `${from}RUN apt-get update \\\n && apt-get install -y \\\n      curl \\\n      git\n`;
    expect(await fixed(rule, text)).toBe(`${from}RUN apt-get update \\\n && apt-get install -y \\\n      --no-install-recommends curl \\\n      git\n`);
  });

  test('after `install` when there is no package or when `--` ends the options', async () => {
    expect(await fixed(rule, `${from}RUN apt-get install -y -- curl\n`)).toBe(`${from}RUN apt-get install --no-install-recommends -y -- curl\n`);
    expect(await fixed(rule, `${from}RUN apt-get install -f -y\n`)).toBe(`${from}RUN apt-get install --no-install-recommends -f -y\n`);
  });

  test('together with the -y fix, -y comes first', async () => {
    const out = await fixText(`${from}RUN apt-get install curl\n`, {
      kind: 'dockerfile',
      only: [`dockerfile/${rule}`, 'dockerfile/apt-get-missing-yes'],
    });
    expect(out.output).toBe(`${from}RUN apt-get install -y --no-install-recommends curl\n`);
  });

  test('exec form: fixed inside an sh -c string, not between JSON strings', async () => {
    expect(await fixed(rule, `${from}RUN ["sh", "-c", "apt-get install -y curl"]\n`)).toBe(
      `${from}RUN ["sh", "-c", "apt-get install -y --no-install-recommends curl"]\n`,
    );
    const [hit] = await hits(rule, `${from}RUN ["apt-get", "install", "-y", "curl"]\n`);
    expect(hit).toBeDefined();
    expect(hit!.fix).toBeUndefined();
  });

  test('aptitude has no such option and is neither reported nor fixed', async () => {
    expect(await hits(rule, `${from}RUN aptitude install -y curl\n`)).toEqual([]);
  });

  test('GitLab CI script lines are fixed in their YAML scalar', async () => {
    const code = 'test:\n  image: debian:12.8\n  script:\n    - apt-get install -y make  # keep me\n    - "apt-get install -y curl"\n';
    expect(await fixedCi(code, rule)).toBe(
      'test:\n  image: debian:12.8\n  script:\n    - apt-get install -y --no-install-recommends make  # keep me\n    - "apt-get install -y --no-install-recommends curl"\n',
    );
  });
});
