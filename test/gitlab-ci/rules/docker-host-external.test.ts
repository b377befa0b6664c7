import { describe, expect, test } from 'vitest';
import { messages } from '../helpers.js';

const run = (code: string) => messages(code, ['docker-host-external']);

describe('gitlab-ci/docker-host-external', () => {
  test('a fixed address in variables, an export and docker -H / --host', () => {
    const code = [
      'variables:',
      '  DOCKER_HOST: tcp://10.0.0.5:2376',
      'build:',
      '  script:',
      '    - export DOCKER_HOST="tcp://build.example.com:2376"',
      '    - docker --host=ssh://ci@build.example.com ps',
      '',
    ].join('\n');
    expect(run(code).map((m) => m.replace(/ points at .*/, ''))).toEqual([
      '2:22 `DOCKER_HOST` `tcp://10.0.0.5:2376` of job `build`',
      '5:33 `DOCKER_HOST` `tcp://build.example.com:2376` of job `build`',
      '6:30 `docker -H` `ssh://ci@build.example.com` of job `build`',
    ]);
    expect(run(code)[0]).toBe(
      '2:22 `DOCKER_HOST` `tcp://10.0.0.5:2376` of job `build` points at a fixed Docker daemon outside the job (`10.0.0.5`): every pipeline that uses it shares its images, containers and build cache, and any job that reaches it is root on that machine; run Docker-in-Docker as a service of the job (`DOCKER_HOST: tcp://docker:2376`) or build without a daemon',
    );
  });

  test('the job daemon: docker, localhost, loopback, sockets, service aliases (explicit and derived)', () => {
    const code = [
      'a:',
      '  services:',
      '    - name: registry.example.com/mirror/docker:27.3-dind',
      '    - name: docker:27.3-dind',
      '      alias: builder,dockerd',
      '  script:',
      '    - DOCKER_HOST=tcp://registry.example.com__mirror__docker:2376 docker ps',
      '    - DOCKER_HOST=tcp://registry.example.com-mirror-docker:2376 docker ps',
      '    - DOCKER_HOST=tcp://dockerd:2376 docker ps',
      '    - DOCKER_HOST=tcp://127.0.0.1:2375 docker ps',
      '    - DOCKER_HOST=tcp://[::1]:2375 docker ps',
      '    - DOCKER_HOST=unix:///var/run/docker.sock docker ps',
      '    - DOCKER_HOST=tcp://$DIND_HOST:2376 docker ps',
      '    - DOCKER_HOST=tcp://localhost:2376 docker ps',
      '',
    ].join('\n');
    expect(run(code)).toEqual([]);
  });
});
