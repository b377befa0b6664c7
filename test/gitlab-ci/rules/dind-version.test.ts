import { describe, expect, test } from 'vitest';
import { messages } from '../helpers.js';
import { fixed } from './fix-helper.js';

const run = (code: string) => messages(code, ['dind-version']);

describe('gitlab-ci/dind-version', () => {
  test('unpinned tags: pinned to the client version by the fix, keeping the variant', async () => {
    const code = [
      'build:',
      '  image: docker:24.0.7-cli',
      '  services:',
      '    - docker:dind',
      '    - "docker:dind-rootless"',
      '    - docker',
      '    - name: docker:latest',
      '  script: docker ps',
      '',
    ].join('\n');
    expect(run(code).map((m) => m.replace(/ of job .*/, ''))).toEqual([
      '4:7 service `docker:dind`',
      '5:7 service `docker:dind-rootless`',
      '6:7 service `docker`',
      '7:13 service `docker:latest`',
    ]);
    expect(run(code)[0]).toBe(
      "4:7 service `docker:dind` of job `build` is not pinned: `dind` names no Docker version, so the daemon is whatever release the tag points at when the job starts; pin it to the version of the job's client image `docker:24.0.7-cli`: `docker:24.0.7-dind`",
    );
    expect(await fixed(code, 'dind-version')).toBe(
      code
        .replace('- docker:dind', '- docker:24.0.7-dind')
        .replace('"docker:dind-rootless"', '"docker:24.0.7-dind-rootless"')
        .replace('- docker\n', '- docker:24.0.7-dind\n')
        .replace('docker:latest', 'docker:24.0.7-dind'),
    );
  });

  test('a version other than the client: compared as far as both go', () => {
    const code = 'a:\n  image: docker:24\n  services: [docker:24.0.7-dind]\n  script: x\nb:\n  image: docker:24.0\n  services: [docker:27-dind]\n  script: x\n';
    expect(run(code)).toEqual([
      "7:14 service `docker:27-dind` of job `b` runs Docker 27 but the job's client image `docker:24.0` is Docker 24.0; run both at one version: `docker:24.0-dind`",
    ]);
  });

  test('without a pinned docker client image: reported, not fixed', async () => {
    const code = 'a:\n  image: alpine:3.20\n  services: [docker:stable-dind]\n  script: x\nb:\n  image: docker:cli\n  services: [docker:dind]\n  script: x\n';
    expect(run(code)).toHaveLength(2);
    expect(run(code)[0]).toContain('pin a version (`docker:<version>-dind`) and give the job\'s docker client image the same version');
    expect(await fixed(code, 'dind-version')).toBe(code);
  });

  test('a registry prefix in a variable: the tag is still fixed', async () => {
    const code = 'a:\n  image: docker:27.3\n  services:\n    - ${CI_DEPENDENCY_PROXY_GROUP_IMAGE_PREFIX}/docker:dind\n  script: x\n';
    expect(run(code)).toHaveLength(1);
    expect(await fixed(code, 'dind-version')).toBe(code.replace('/docker:dind', '/docker:27.3-dind'));
  });

  test('versions from variables the file defines; unknown variables and digests are not judged', () => {
    const code = [
      'variables:',
      '  DOCKER_VERSION: "27.3"',
      'a:',
      '  image: docker:$DOCKER_VERSION',
      '  services: ["docker:${DOCKER_VERSION}-dind"]',
      '  script: x',
      'b:',
      '  image: docker:27.3',
      '  services: ["docker:${DIND_TAG}", "docker@sha256:0e3f6bd1e3ac3a1e7c8e1ad8bcbca4c1c3c0f5e9d8e5f5c7c4e1b2a3d4c5b6a7"]',
      '  script: x',
      '',
    ].join('\n');
    expect(run(code)).toEqual([]);
  });

  test('a template service is reported once, with the first job that uses it', () => {
    const code = '.docker:\n  image: docker:27.3\n  services: [docker:dind]\na:\n  extends: .docker\n  script: x\nb:\n  extends: .docker\n  script: y\n';
    expect(run(code)).toHaveLength(1);
  });
});
