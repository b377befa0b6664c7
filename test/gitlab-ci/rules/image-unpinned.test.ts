import { describe, expect, test } from 'vitest';
import { messages } from '../helpers.js';

const run = (code: string) => messages(code, ['image-unpinned']);

describe('gitlab-ci/image-unpinned', () => {
  test('no tag, moving tags and moving words at the start of a tag', () => {
    const code = 'a:\n  image: python\n  services: [redis, "postgres:latest", {name: "nginx:stable-alpine", alias: web}]\n  script: x\n';
    expect(run(code)).toEqual([
      '2:10 image `python` of job `a` has no tag, so it is `latest` when the job starts; pin a version tag (`python:<version>`) or a digest',
      '3:14 service `redis` of job `a` has no tag, so it is `latest` when the job starts; pin a version tag (`redis:<version>`) or a digest',
      '3:21 service `postgres:latest` of job `a` uses the moving tag `latest`, which points at another image after each release; pin a version tag (`postgres:<version>`) or a digest',
      '3:47 service `nginx:stable-alpine` of job `a` uses the moving tag `stable-alpine`, which points at another image after each release; pin a version tag (`nginx:<version>`) or a digest',
    ]);
  });

  test('version tags, digests, registries with ports and major-only tags are pinned', () => {
    const code =
      'a:\n  image: registry.example.com:5000/group/python:3.12\n  services:\n    - node:20\n    - redis@sha256:0e3f6bd1e3ac3a1e7c8e1ad8bcbca4c1c3c0f5e9d8e5f5c7c4e1b2a3d4c5b6a7\n  script: x\n';
    expect(run(code)).toEqual([]);
  });

  test('variables: job over global, unknown ones not judged', () => {
    const code = [
      'variables:',
      '  IMAGE: ruby:latest',
      '  TAG: "3.3"',
      'a:',
      '  image: $IMAGE',
      '  script: x',
      'b:',
      '  variables:',
      '    IMAGE: ruby:3.3',
      '  image: ${IMAGE}',
      '  script: x',
      'c:',
      '  image: ruby:$TAG',
      '  services: [$UNKNOWN, "postgres:$PG_VERSION"]',
      '  script: x',
      '',
    ].join('\n');
    expect(run(code)).toEqual([
      '5:10 image `$IMAGE` (`ruby:latest` with the variables of this file) of job `a` uses the moving tag `latest`, which points at another image after each release; pin a version tag (`ruby:<version>`) or a digest',
    ]);
  });

  test('a template is judged with the variables of the jobs that extend it', () => {
    const code = '.tpl:\n  image: node:$NODE\n  variables:\n    NODE: lts\njob:\n  extends: .tpl\n  variables:\n    NODE: "20"\n  script: x\n';
    expect(run(code)).toEqual([]);
    const unused = '.tpl:\n  image: node:$NODE\n  variables:\n    NODE: lts\n';
    expect(run(unused)).toHaveLength(1);
  });

  test('default: and the global image are reported once, where they are written', () => {
    const code = 'default:\n  image: alpine\na:\n  script: x\nb:\n  script: y\n';
    expect(run(code)).toEqual(['2:10 image `alpine` in `default:` has no tag, so it is `latest` when the job starts; pin a version tag (`alpine:<version>`) or a digest']);
  });

  test('docker services are left to dind-version; the docker client image is judged here', () => {
    const code = 'a:\n  image: docker:cli\n  services: [docker:dind]\n  script: docker ps\n';
    expect(run(code)).toEqual([
      '2:10 image `docker:cli` of job `a` uses the moving tag `cli`, which points at another image after each release; pin a version tag (`docker:<version>`) or a digest',
    ]);
  });

  test('component inputs are not judged', () => {
    expect(run('spec:\n  inputs:\n    image: {}\n---\na:\n  image: $[[ inputs.image ]]\n  script: x\n')).toEqual([]);
  });
});
