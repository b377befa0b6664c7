import { describe, expect, it } from 'vitest';
import { publishedPorts } from '../../src/lint/cross/support/ports.js';
import { lintRepo } from './helpers.js';

const RULE = 'project/port-mismatch';
const run = (main: string, files: Record<string, string>) => lintRepo(RULE, main, files);

describe('publishedPorts', () => {
  const ports = (text: string, own: string[] = []) => publishedPorts(text, new Set(own)).map((p) => `${p.port}@${p.start}`);

  it('reads -p, --publish, --publish=, clusters and ip:host:container, for the project image only', () => {
    expect(ports('docker run -dp 80:8000 "$IMAGE"')).toEqual(['8000@18']);
    expect(ports('docker run --publish=127.0.0.1:8080:8000/tcp -p 9090 $IMAGE:$TAG')).toEqual(['8000@36', '9090@48']);
    expect(ports('docker run -d -p 5432:5432 postgres:16 && docker container run -p "80:8000" app:1', ['app'])).toEqual(['8000@70']);
  });

  it('skips option values that look like images and stops at the end of the command', () => {
    expect(ports('docker run --name web -e X=1 -v /a:/b --restart always -p 80:80 redis; echo $IMAGE')).toEqual([]);
    expect(ports('podman run -p 80:8000 --rm "$IMAGE" -p 1:2')).toEqual(['8000@17']);
  });
});

describe('project/port-mismatch', () => {
  it('compares mappings in CI variables (an ssh deploy command) with app.port', async () => {
    const ci =
      'deploy:\n  variables:\n    DEPLOY_COMMAND:\n      value: docker run --detach --publish 8888:8888 "$DEPLOY_IMAGE"\n      expand: false\n  script:\n    - ssh host "$DEPLOY_COMMAND"\n';
    expect(await run('.gitlab-ci.yml', { 'slipway.yaml': 'name: app\nextends: python-flask\n', '.gitlab-ci.yml': ci })).toEqual([
      '.gitlab-ci.yml:4:49-53 `-p 8888:8888` in job `deploy` maps container port 8888, but `app.port` in slipway.yaml (via preset python-flask) is 8000',
    ]);
  });

  it('accepts other exposed ports (metrics) beside app.port, in probes and mappings', async () => {
    expect(
      await run('Dockerfile', {
        'slipway.yaml': 'name: app\nextends: python-flask\n',
        Dockerfile: 'FROM python:3.12-slim\nEXPOSE 8000 9090/tcp\nHEALTHCHECK CMD curl -f http://127.0.0.1:9090/metrics\n',
        '.gitlab-ci.yml': 'deploy:\n  script:\n    - docker run -p 80:8000 -p 9090:9090 "$IMAGE"\n',
      }),
    ).toEqual([]);
  });

  it('reads compose services that run the project image, not the database beside it', async () => {
    const compose = 'services:\n  app:\n    image: ${IMAGE:?set IMAGE}\n    ports:\n      - "80:8080"\n      - target: 8000\n        published: 81\n  db:\n    image: postgres:16\n    ports: ["5432:5432"]\n';
    expect(await run('Dockerfile', { Dockerfile: 'FROM python:3.12-slim\nEXPOSE 8000\n', 'compose.yaml': compose })).toEqual([
      'compose.yaml:5:13-17 `ports` of service `app` maps container port 8080, but the image exposes 8000 (Dockerfile:2)',
    ]);
  });

  it('reads Makefile recipes and images the CI or Makefile builds', async () => {
    const found = await run('Makefile', {
      Dockerfile: 'FROM python:3.12-slim\nEXPOSE 8000\n',
      Makefile: 'run:\n\tdocker run --rm --publish $(PORT):8080 $(IMAGE):$(TAG)\n',
      '.gitlab-ci.yml': 'smoke:\n  script:\n    - docker build -t myapp .\n    - docker run -d -p 80:5000 myapp:latest\n',
    });
    expect(found).toEqual([
      '.gitlab-ci.yml:4:27-31 `-p 80:5000` in job `smoke` maps container port 5000, but the image exposes 8000 (Dockerfile:2)',
      'Makefile:2:36-40 `-p $(PORT):8080` in target `run` maps container port 8080, but the image exposes 8000 (Dockerfile:2)',
    ]);
  });

  it('reads the port of a HEALTHCHECK URL, the scheme default when there is none, and ARG values', async () => {
    expect(await run('Dockerfile', { Dockerfile: 'FROM python:3.12-slim\nEXPOSE 8000\nHEALTHCHECK CMD curl -f http://localhost/health || exit 1\n' })).toEqual([
      'Dockerfile:3:25-41 the HEALTHCHECK probes port 80, but the image exposes 8000 (Dockerfile:2)',
    ]);
    expect(await run('Dockerfile', { Dockerfile: 'FROM python:3.12-slim\nARG PORT=8000\nEXPOSE $PORT\nHEALTHCHECK CMD wget -q -O- 127.0.0.1:${PORT}/ || exit 1\n' })).toEqual([]);
  });

  it('stays silent with nothing to compare with', async () => {
    expect(
      await run('.gitlab-ci.yml', { '.gitlab-ci.yml': 'deploy:\n  script:\n    - docker run -p 80:8000 "$IMAGE"\n', Dockerfile: 'FROM python:3.12-slim\n' }),
    ).toEqual([]);
  });
});
