import { describe, expect, test } from 'vitest';
import { messages } from '../helpers.js';
import { fixed } from './fix-helper.js';

const run = (code: string) => messages(code, ['docker-tls-disabled']);
/** Position and first word of each message. */
const heads = (code: string) => run(code).map((m) => m.split(' ').slice(0, 2).join(' '));

describe('gitlab-ci/docker-tls-disabled', () => {
  test('DOCKER_TLS_CERTDIR "" and DOCKER_HOST on 2375 in one mapping: both fixed by the first finding', async () => {
    const code = 'variables:\n  DOCKER_HOST: "tcp://docker:2375/"\n  DOCKER_TLS_CERTDIR: ""\nbuild:\n  image: docker:27.3\n  services: [docker:27.3-dind]\n  script: docker build .\n';
    expect(heads(code)).toEqual(['2:29 `DOCKER_HOST`', '3:23 `DOCKER_TLS_CERTDIR:']);
    expect(await fixed(code, 'docker-tls-disabled')).toBe(code.replace(':2375/', ':2376/').replace('CERTDIR: ""', 'CERTDIR: "/certs"'));
  });

  test('the value form, and single quotes', async () => {
    const code = "build:\n  variables:\n    DOCKER_TLS_CERTDIR:\n      value: ''\n      description: certificates\n  script: docker ps\n";
    expect(run(code)).toHaveLength(1);
    expect(await fixed(code, 'docker-tls-disabled')).toBe(code.replace("value: ''", 'value: "/certs"'));
  });

  test('no fix when a job of the variable still expects a daemon without TLS', async () => {
    const withOption =
      "variables:\n  DOCKER_TLS_CERTDIR: ''\nbuild:\n  services:\n    - name: docker:27.3-dind\n      command: ['--tls=false']\n  script: docker ps\n";
    expect(heads(withOption)).toEqual(['2:23 `DOCKER_TLS_CERTDIR:', '6:17 `--tls=false`']);
    expect(await fixed(withOption, 'docker-tls-disabled')).toBe(withOption);
    const hostElsewhere = 'variables:\n  DOCKER_TLS_CERTDIR: ""\nbuild:\n  variables:\n    DOCKER_HOST: tcp://docker:2375\n  script: docker ps\n';
    expect(await fixed(hostElsewhere, 'docker-tls-disabled')).toBe(hostElsewhere);
    const exported = 'variables:\n  DOCKER_TLS_CERTDIR: ""\nbuild:\n  script:\n    - export DOCKER_HOST=tcp://localhost:2375\n    - docker ps\n';
    expect(run(exported)).toHaveLength(2);
    expect(await fixed(exported, 'docker-tls-disabled')).toBe(exported);
  });

  test('script assignments and docker -H', () => {
    const code = 'build:\n  script:\n    - export DOCKER_TLS_CERTDIR=""\n    - DOCKER_HOST=tcp://$DIND:2375 docker ps\n    - docker -H tcp://docker:2375 ps\n';
    expect(heads(code)).toEqual(['3:33 `DOCKER_TLS_CERTDIR=""`', '4:30 `DOCKER_HOST`', '5:29 `docker']);
  });

  test('DOCKER_TLS_VERIFY: "0" is reported, "1" and "" are not', () => {
    const code = 'a:\n  variables:\n    DOCKER_TLS_VERIFY: "0"\n  script: x\nb:\n  variables:\n    DOCKER_TLS_VERIFY: "1"\n  script: x\nc:\n  variables:\n    DOCKER_TLS_VERIFY: ""\n  script: x\n';
    expect(run(code)).toEqual([
      '3:24 `DOCKER_TLS_VERIFY: "0"` is meant to skip verifying the Docker daemon\'s certificate (docker-compose v1 reads it so), while the docker CLI verifies whenever the variable is set at all; remove it and keep TLS verified (the `docker` image sets `DOCKER_TLS_VERIFY=1` itself when `DOCKER_TLS_CERTDIR` is set)',
    ]);
  });

  test('TLS on: nothing', () => {
    const code = 'build:\n  image: docker:27.3\n  services:\n    - name: docker:27.3-dind\n      command: ["--registry-mirror=https://mirror.example.com"]\n  variables:\n    DOCKER_HOST: tcp://docker:2376\n    DOCKER_TLS_CERTDIR: /certs\n  script: docker build .\n';
    expect(run(code)).toEqual([]);
  });
});
