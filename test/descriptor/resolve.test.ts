import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatWarning, resolveDescriptor, resolveDescriptorWithWarnings } from '../../src/descriptor/index.js';
import { slipwayVersion } from '../../src/descriptor/slipway-version.js';
import { errorsOf, pythonOf, TODAY } from './helpers.js';

const resolve = (text: string) => resolveDescriptor(text, 'slipway.yaml', { today: TODAY });

const FULL = `
name: hello-tornado
language: python
runtime: { version: "3.13", matrix: ["3.12", "3.13"] }
image:
  variant: alpine
  layering: builder
  systemPackages: [libpq5]
  buildPackages: [gcc, libpq-dev]
  timezone: Europe/Zurich
  env: { APP_ENV: production, WORKERS: 4, DEBUG: false }
  user: { name: web, uid: 10002, gid: 10003 }
  workdir: /srv/app
  copy: [app.py, hello/]
  dockerignore: ["*.log"]
python:
  requirements: requirements.txt
  devRequirements: requirements-dev.txt
  pyproject: pyproject.toml
  indexUrl: https://pypi.example.com/simple
  wheelsDir: wheels
app:
  command: ["python", "app.py"]
  port: 8888
  healthcheck: { path: /health, interval: 15s, timeout: 3s, startPeriod: 1m, retries: 5 }
test:
  command: ["python", "-m", "pytest"]
  lint: ["python", "-m", "flake8"]
ci:
  defaultBranch: trunk
  stages: [deploy, build, test, release]
  registryImage: registry.example.com/web/hello
  dockerVersion: "27.3"
  cacheFrom: false
  integrationTests: true
  dist: true
  slipway: { lint: true, version: "1.2.3" }
  notify: { webhookVariable: FAILURE_WEBHOOK_URL }
release: { latest: false, gitTag: true }
deploy:
  method: ssh
  environment: { name: production, url: https://hello.example.com }
  manual: false
  ssh: { hostVariable: PROD_HOST, command: "docker compose up -d" }
lint:
  failureThreshold: error
  rules: { dockerfile/apt-pin-versions: off, DL3008: off, gitlab-ci/only-except: error }
  ignore: [ { paths: ["legacy/**"], rules: ["dockerfile/*"] }, { paths: [vendor/**] } ]
  trustedRegistries: [registry.example.com]
  labelSchema: { maintainer: text }
  strictLabels: true
`;

describe('resolving a descriptor into the Project model', () => {
  test('every key of a full descriptor reaches the model', () => {
    expect(resolve(FULL)).toEqual({
      name: 'hello-tornado',
      language: 'python',
      descriptorPath: 'slipway.yaml',
      runtime: { version: '3.13', matrix: ['3.12', '3.13'] },
      image: {
        variant: 'alpine',
        layering: 'builder',
        systemPackages: ['libpq5'],
        buildPackages: ['gcc', 'libpq-dev'],
        timezone: 'Europe/Zurich',
        env: { APP_ENV: 'production', WORKERS: '4', DEBUG: 'false' },
        user: { name: 'web', uid: 10002, gid: 10003 },
        workdir: '/srv/app',
        copy: ['app.py', 'hello/'],
        dockerignore: ['*.log'],
      },
      python: {
        requirements: 'requirements.txt',
        devRequirements: 'requirements-dev.txt',
        pyproject: 'pyproject.toml',
        indexUrl: 'https://pypi.example.com/simple',
        wheelsDir: 'wheels',
      },
      app: {
        kind: 'service',
        command: ['python', 'app.py'],
        args: [],
        port: 8888,
        healthcheck: { path: '/health', interval: '15s', timeout: '3s', startPeriod: '1m', retries: 5 },
      },
      test: { command: ['python', '-m', 'pytest'], lint: ['python', '-m', 'flake8'] },
      ci: {
        defaultBranch: 'trunk',
        stages: ['test', 'build', 'release', 'deploy'],
        registryImage: 'registry.example.com/web/hello',
        dockerVersion: '27.3',
        cacheFrom: false,
        integrationTests: true,
        dist: true,
        slipway: { lint: true, check: false, version: '1.2.3' },
        notifyWebhookVariable: 'FAILURE_WEBHOOK_URL',
      },
      release: { latest: false, gitTag: true },
      deploy: {
        method: 'ssh',
        environment: { name: 'production', url: 'https://hello.example.com' },
        manual: false,
        ssh: {
          hostVariable: 'PROD_HOST',
          userVariable: 'DEPLOY_USER',
          keyVariable: 'SSH_PRIVATE_KEY',
          knownHostsVariable: 'SSH_KNOWN_HOSTS',
          command: 'docker compose up -d',
        },
      },
      lint: {
        failureThreshold: 'error',
        rules: { 'dockerfile/apt-pin-versions': 'off', DL3008: 'off', 'gitlab-ci/only-except': 'error' },
        ignore: [{ paths: ['legacy/**'], rules: ['dockerfile/*'] }, { paths: ['vendor/**'] }],
        trustedRegistries: ['registry.example.com'],
        labelSchema: { maintainer: 'text' },
        strictLabels: true,
      },
    });
  });

  test('a minimal descriptor gets the documented defaults', () => {
    const p = resolve('name: minimal\nlanguage: python\napp:\n  command: [python, main.py]\n');
    expect(p.runtime).toEqual({ version: '3.13', matrix: ['3.13'] });
    expect(p.image).toEqual({
      variant: 'slim',
      layering: 'single',
      systemPackages: [],
      buildPackages: [],
      env: {},
      user: { name: 'app', uid: 10001, gid: 10001 },
      workdir: '/app',
      copy: ['.'],
      dockerignore: [],
    });
    expect(p.app).toEqual({ kind: 'service', command: ['python', 'main.py'], args: [] }); // no port: no health check
    expect(p.test).toEqual({ command: ['python', '-m', 'pytest'] });
    expect(p.ci).toEqual({
      defaultBranch: 'main',
      stages: ['test', 'build', 'release'],
      registryImage: '$CI_REGISTRY_IMAGE',
      dockerVersion: '28.5',
      cacheFrom: true,
      integrationTests: true,
      dist: false,
      slipway: { lint: false, check: false, version: slipwayVersion() },
    });
    expect(p.deploy).toEqual({ method: 'none', environment: { name: 'production' }, manual: true });
    expect(p.preset).toBeUndefined();
    expect(p.lint).toBeUndefined();
  });

  test('a port alone gets an HTTP health check of / with default timings', () => {
    const p = resolve('name: web\nlanguage: python\napp:\n  command: [python, app.py]\n  port: 8080\n');
    expect(p.app.healthcheck).toEqual({ path: '/', interval: '30s', timeout: '5s', startPeriod: '10s', retries: 3 });
  });

  test('a command health check replaces the HTTP probe', () => {
    const p = resolve('name: worker\nlanguage: python\napp:\n  command: [python, w.py]\n  healthcheck:\n    command: [python, check.py]\n');
    expect(p.app.healthcheck).toEqual({ command: ['python', 'check.py'], interval: '30s', timeout: '5s', startPeriod: '10s', retries: 3 });
  });

  test('the matrix always holds the image version, once, in version order', () => {
    const p = resolve('name: m\nextends: python-flask\nruntime:\n  version: "3.12"\n  matrix: ["3.14", "3.11"]\n');
    expect(p.runtime.matrix).toEqual(['3.11', '3.12', '3.14']);
  });

  test('an end-of-life matrix version is a warning at its position, not an error', () => {
    const r = resolveDescriptorWithWarnings('name: m\nextends: python-flask\nruntime:\n  matrix: ["3.10", "3.13"]\n', 'slipway.yaml', {
      today: TODAY,
    });
    expect(r.project.runtime.matrix).toEqual(['3.10', '3.13']);
    expect(r.warnings.map(formatWarning)).toEqual([
      'slipway.yaml:4:12: warning: `runtime.matrix[0]`: Python 3.10 reached its end of life on 2026-10-31 and gets no more security fixes; test on it only while you still support it (supported: 3.11, 3.12, 3.13, 3.14, 3.15)',
    ]);
  });

  test('the end-of-life table is dated: 3.10 was fine a month earlier', () => {
    const text = 'name: m\nextends: python-flask\nruntime:\n  version: "3.10"\n';
    expect(errorsOf(text, { today: new Date('2026-10-01') })).toEqual([]);
    expect(errorsOf(text)).toHaveLength(1);
  });

  test('unknown and unreleased versions are errors', () => {
    expect(errorsOf('name: m\nextends: python-flask\nruntime:\n  matrix: ["3.99"]\n')).toEqual([
      'slipway.yaml:4:12: error: `runtime.matrix[0]`: Python 3.99 is not a version slipway knows (if it was released recently, update slipway); supported versions: 3.11, 3.12, 3.13, 3.14, 3.15',
    ]);
    expect(errorsOf('name: m\nextends: python-flask\nruntime:\n  version: "3.15"\n', { today: new Date('2026-05-01') })).toEqual([
      'slipway.yaml:4:12: error: `runtime.version`: Python 3.15 is not released yet (expected 2026-10-01); use a supported version: 3.10, 3.11, 3.12, 3.13, 3.14',
    ]);
  });

  test('explicit stages are put in pipeline order; integration tests need the build stage', () => {
    const p = resolve('name: m\nextends: python-flask\nci:\n  stages: [test]\n');
    expect(p.ci.stages).toEqual(['test']);
    expect(p.ci.integrationTests).toBe(false);
    expect(errorsOf('name: m\nextends: python-flask\nci:\n  stages: [test]\n  integrationTests: true\n')).toEqual([
      'slipway.yaml:5:21: error: `ci.integrationTests` runs the tests inside the built image, but `ci.stages` has no build stage; add build or set it to false',
    ]);
  });

  test('release is dropped from the default stages when it promotes nothing; deploy added with a method', () => {
    const p = resolve('name: m\nextends: python-flask\nrelease: { latest: false, gitTag: false }\ndeploy: { method: compose }\n');
    expect(p.ci.stages).toEqual(['test', 'build', 'deploy']);
    expect(p.deploy.compose).toEqual({
      file: 'docker-compose.yml',
      hostVariable: 'DEPLOY_HOST',
      userVariable: 'DEPLOY_USER',
      keyVariable: 'SSH_PRIVATE_KEY',
      knownHostsVariable: 'SSH_KNOWN_HOSTS',
    });
  });

  test('kubernetes deploys the deployment and container named after the project by default', () => {
    const p = resolve('name: shop\nextends: python-fastapi\ndeploy:\n  method: kubernetes\n');
    expect(p.deploy.kubernetes).toEqual({ namespace: 'default', deployment: 'shop', container: 'shop' });
    expect(p.deploy.manual).toBe(true);
  });

  test('a deploy method listed without a deploy stage is an error', () => {
    expect(errorsOf('name: m\nextends: python-flask\nci:\n  stages: [test, build]\ndeploy:\n  method: ssh\n')).toEqual([
      'slipway.yaml:4:11: error: `deploy.method` is ssh but `ci.stages` has no deploy stage; add deploy to `ci.stages` or set `deploy.method: none`',
    ]);
  });

  test('ci.dist needs a pyproject', () => {
    expect(errorsOf('name: m\nextends: python-flask\nci:\n  dist: true\n')).toEqual([
      'slipway.yaml:4:9: error: `ci.dist` builds sdist and wheel from pyproject.toml, but `python.pyproject` is not set; set it or remove `ci.dist`',
    ]);
  });

  test('variable references and *_FILE names are not secrets', () => {
    const p = resolve(
      'name: m\nextends: python-flask\nimage:\n  env:\n    DB_PASSWORD_FILE: /run/secrets/db\n    TOKEN_TTL: 3600\n    PUBLIC_URL: https://user:$PASSWORD@example.com\n',
    );
    expect(Object.keys(p.image.env)).toEqual(['DB_PASSWORD_FILE', 'TOKEN_TTL', 'PUBLIC_URL']);
  });

  test('AWS keys and URL passwords are found in any string', () => {
    expect(errorsOf('name: m\nextends: python-flask\ntest:\n  lint: [aws, --key, AKIAABCDEFGHIJKLMNOP]\n')).toEqual([
      'slipway.yaml:4:22: error: `test.lint[2]` contains a secret (AWS access key id); never write secrets in slipway.yaml: keep the value in a masked CI/CD variable and refer to it by name',
    ]);
    expect(errorsOf('name: m\nextends: python-flask\napp:\n  command: [python, app.py, "postgres://app:Xk93mPq7@db/app"]\n')).toEqual([
      'slipway.yaml:4:29: error: `app.command[2]` contains a secret (password in a `postgres://` URL); never write secrets in slipway.yaml: keep the value in a masked CI/CD variable and refer to it by name',
    ]);
  });
});

describe('presets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-presets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the user descriptor wins over the preset; lists replace, mappings merge', () => {
    const p = resolve(
      'name: svc\nextends: python-flask\napp:\n  port: 9000\n  command: [gunicorn, wsgi:app]\ntest:\n  lint: false\nimage:\n  copy: [wsgi.py]\n',
    );
    expect(p.preset).toBe('python-flask');
    expect(p.app.command).toEqual(['gunicorn', 'wsgi:app']);
    expect(p.app.port).toBe(9000);
    expect(p.app.healthcheck?.path).toBe('/health'); // from the preset, merged
    expect(p.test).toEqual({ command: ['python', '-m', 'pytest'] }); // lint removed
    expect(p.image.copy).toEqual(['wsgi.py']);
    expect(pythonOf(p)).toEqual({ requirements: 'requirements.txt', devRequirements: 'requirements-dev.txt' });
  });

  test('false removes a file the preset names; true names none and is an error', () => {
    const p = resolve('name: svc\nextends: python-flask\npython:\n  devRequirements: false\n  pyproject: pyproject.toml\n');
    expect(pythonOf(p)).toEqual({ requirements: 'requirements.txt', pyproject: 'pyproject.toml' });
    expect(errorsOf('name: svc\nextends: python-flask\npython:\n  requirements: true\n')).toEqual([
      'slipway.yaml:4:17: error: `python.requirements: true` does not name a file; give its path, or `false` for none',
    ]);
    expect(errorsOf('name: svc\nextends: python-flask\npython:\n  requirements: [a.txt]\n')).toEqual([
      'slipway.yaml:4:17: error: `python.requirements` must be a relative path, or false for none; got a list',
    ]);
  });

  test('healthcheck: false turns off the preset health check', () => {
    expect(resolve('name: svc\nextends: python-tornado\napp:\n  healthcheck: false\n').app.healthcheck).toBeUndefined();
  });

  test('errors in a preset point into the preset file', () => {
    writeFileSync(join(dir, 'broken.yaml'), 'name: nope\nlanguage: python\nimage:\n  variant: debian\n');
    expect(errorsOf('name: svc\nextends: broken\n', { presetsDir: dir })).toEqual([
      'presets/broken.yaml:1:1: error: a preset cannot set `name`: each project names itself in its slipway.yaml',
      'presets/broken.yaml:4:12: error: `image.variant` must be one of slim, alpine; got `debian`',
    ]);
  });

  test('semantic errors of preset values point into the preset, user values into the descriptor', () => {
    writeFileSync(join(dir, 'old.yaml'), 'language: python\nruntime:\n  version: "3.8"\napp:\n  command: [python, app.py]\n');
    expect(errorsOf('name: svc\nextends: old\n', { presetsDir: dir })).toEqual([
      'presets/old.yaml:3:12: error: `runtime.version`: Python 3.8 reached its end of life on 2024-10-07 and gets no more security fixes; use a supported version: 3.11, 3.12, 3.13, 3.14, 3.15',
    ]);
    expect(errorsOf('name: svc\nextends: old\nruntime:\n  version: "3.12"\n', { presetsDir: dir })).toEqual([]);
  });

  test('a preset without the start command leaves it required', () => {
    writeFileSync(join(dir, 'bare.yaml'), 'language: python\n');
    expect(errorsOf('name: svc\nextends: bare\n', { presetsDir: dir })).toEqual([
      'slipway.yaml:1:1: error: missing required key `command` in `app`; the preset `bare` does not set it either',
    ]);
  });
});
