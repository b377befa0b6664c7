import { describe, expect, test } from 'vitest';
import { messages } from '../helpers.js';

const run = (code: string) => messages(code, ['cache-from-not-pulled']);
const job = (...lines: string[]) => `build:\n  image: docker:20.10\n  script:\n${lines.map((l) => `    ${l}`).join('\n')}\n`;

describe('gitlab-ci/cache-from-not-pulled', () => {
  test('the message names the image and the job, at the value', () => {
    expect(run(job('- docker build --cache-from "$CI_REGISTRY_IMAGE:latest" .'))).toEqual([
      '4:34 `--cache-from $CI_REGISTRY_IMAGE:latest` uses only a local copy of the image with the classic builder, and job `build` does not pull it before the build, so every layer is rebuilt; add `docker pull $CI_REGISTRY_IMAGE:latest || true` before the build, or build with BuildKit and an inline cache (`--build-arg BUILDKIT_INLINE_CACHE=1`)',
    ]);
  });

  test('pulls count in before_script, behind || true, in an if, through variables; ${X} is $X', () => {
    const code = [
      'variables:',
      '  CACHE: $CI_REGISTRY_IMAGE:cache',
      'build:',
      '  image: docker:20.10',
      '  before_script:',
      '    - docker pull ${CI_REGISTRY_IMAGE}:base || true',
      '  script:',
      '    - if docker pull "$CACHE"; then echo cached; fi',
      '    - docker build --cache-from=$CI_REGISTRY_IMAGE:base --cache-from $CI_REGISTRY_IMAGE:cache .',
      '',
    ].join('\n');
    expect(run(code)).toEqual([]);
  });

  test('a pull after the build does not count; each image of a list is judged', () => {
    const code = job('- docker pull a:1', '- docker build --cache-from a:1,b:1 --cache-from c:1 .', '- docker pull c:1');
    expect(run(code).map((m) => m.split(' uses ')[0])).toEqual(['5:37 `--cache-from b:1`', '5:54 `--cache-from c:1`']);
  });

  test('BuildKit: buildx, DOCKER_BUILDKIT=1 (variables, export, prefix), inline cache, type=registry', () => {
    expect(run(job('- docker buildx build --cache-from x:1 .'))).toEqual([]);
    expect(run(`variables:\n  DOCKER_BUILDKIT: "1"\n${job('- docker build --cache-from x:1 .')}`)).toEqual([]);
    expect(run(job('- export DOCKER_BUILDKIT=1', '- docker build --cache-from x:1 .'))).toEqual([]);
    expect(run(job('- DOCKER_BUILDKIT=1 docker build --cache-from x:1 .'))).toEqual([]);
    expect(run(job('- docker build --build-arg BUILDKIT_INLINE_CACHE=1 --cache-from x:1 .'))).toEqual([]);
    expect(run(job('- docker build --cache-from type=registry,ref=x:cache .'))).toEqual([]);
  });
});
