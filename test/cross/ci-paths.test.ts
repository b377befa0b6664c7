import { describe, expect, it } from 'vitest';
import { buildCall, readOptions } from '../../src/lint/cross/support/commands.js';
import { initShell, parseShell } from '../../src/lint/shell/index.js';
import { tmpRepo } from '../engine/tmp-repo.js';
import { lintDir, lintRepo, show } from './helpers.js';

const RULE = 'project/ci-missing-path';
const ci = (script: string, extra = '') => `job:\n${extra}  script:\n${script
  .split('\n')
  .map((l) => `    - ${l}`)
  .join('\n')}\n`;
const run = (script: string, files: Record<string, string>, extra = '') => lintRepo(RULE, '.gitlab-ci.yml', { ...files, '.gitlab-ci.yml': ci(script, extra) });

describe('reading build commands', () => {
  it('reads -f, the context, --target and --build-arg of docker, buildx, podman, buildah and kaniko', async () => {
    await initShell();
    const read = (text: string) => {
      const call = buildCall(parseShell(text).commands[0]!);
      return call && [call.tool, call.file?.value, call.context?.value ?? call.context?.raw, call.target?.value, call.buildArgs.map((w) => w.value ?? w.raw)];
    };
    expect(read('docker build --pull -t x:1 --build-arg A=1 -f docker/Dockerfile --target=test .')).toEqual(['docker', 'docker/Dockerfile', '.', 'test', ['A=1']]);
    expect(read('docker buildx build --platform linux/amd64 --file=Dockerfile.prod --push ctx')).toEqual(['docker', 'Dockerfile.prod', 'ctx', undefined, []]);
    expect(read('buildah bud -f Containerfile.dev sub')).toEqual(['buildah', 'Containerfile.dev', 'sub', undefined, []]);
    expect(read('/kaniko/executor --context "$CI_PROJECT_DIR" --dockerfile "$CI_PROJECT_DIR/Dockerfile" --destination x')).toEqual([
      'kaniko',
      undefined,
      '"$CI_PROJECT_DIR"',
      undefined,
      [],
    ]);
    expect(read('docker run -f x .')).toBeUndefined();
  });

  it('reads clustered short options with their values', async () => {
    await initShell();
    const opts = readOptions(parseShell('make -sC docs -fother.mk html').commands[0]!.args, new Set(['-C', '-f']));
    expect(opts.options.map((o) => `${o.name}=${o.value?.value ?? ''}`)).toEqual(['-s=', '-C=docs', '-f=other.mk']);
    expect(opts.positionals.map((w) => w.value)).toEqual(['html']);
  });
});

describe('project/ci-missing-path', () => {
  it('reports a docker -f written relative to the context, and a missing context', async () => {
    expect(await run('docker build -f Dockerfile.prod app', { 'app/Dockerfile.prod': 'FROM x\n' })).toEqual([
      '.gitlab-ci.yml:3:23-38 job `job` runs `docker build -f Dockerfile.prod`, but `-f` is relative to the working directory, not to the context: there is no Dockerfile.prod; write `-f app/Dockerfile.prod`',
    ]);
    expect(await run('docker build -t x ./servce', { 'service/Dockerfile': 'FROM x\n' })).toEqual([
      '.gitlab-ci.yml:3:25-33 job `job` builds with the context `servce`, which is not a directory of the repository',
    ]);
  });

  it('follows kaniko and podman lookup rules', async () => {
    const files = { 'app/Containerfile': 'FROM x\n' };
    expect(await run('podman build app', files)).toEqual([]);
    expect(await run('/kaniko/executor --context dir://app --dockerfile Containerfile --destination x', files)).toEqual([]);
    expect(await run('/kaniko/executor --context "${CI_PROJECT_DIR}/app" --dockerfile "${CI_PROJECT_DIR}/app/Dockerfile"', files)).toEqual([
      '.gitlab-ci.yml:3:71-105 job `job` runs `/kaniko/executor` with the Dockerfile app/Dockerfile, which does not exist',
    ]);
  });

  it('checks pip requirement files, make -C and -f, compose files and scripts, relative to cd', async () => {
    const files = {
      'backend/requirements.txt': 'x\n',
      'backend/Makefile': 'test:\n\ttrue\n',
      'scripts/ci.sh': 'true\n',
      '.gitlab-ci.yml': [
        'one:',
        '  script:',
        '    - cd backend',
        '    - python -m pip install -r requirements.txt -c constraints.txt',
        '    - cd ..',
        '    - docker compose -f compose.ci.yml up -d',
        '    - python manage.py check',
        '    - bash scripts/ci.sh && ./scripts/deploy.sh',
        'two:',
        '  script:',
        '    - make -C docs html',
        'three:',
        '  script:',
        '    - make -C backend -f ci.mk test',
        'four:',
        '  script:',
        '    - ./scripts/deploy.sh',
        'five:',
        '  script:',
        '    - make lint',
        '',
      ].join('\n'),
    };
    expect(await lintRepo(RULE, '.gitlab-ci.yml', files)).toEqual([
      '.gitlab-ci.yml:4:52-67 job `one` installs from `constraints.txt`, but there is no backend/constraints.txt',
      '.gitlab-ci.yml:6:25-39 job `one` runs docker compose with `compose.ci.yml`, but there is no compose.ci.yml',
      '.gitlab-ci.yml:7:14-23 job `one` runs `manage.py`, but there is no manage.py',
      '.gitlab-ci.yml:11:15-19 job `two` runs `make -C docs`, but there is no directory docs',
      '.gitlab-ci.yml:14:26-31 job `three` runs `make -f ci.mk`, but there is no backend/ci.mk',
      '.gitlab-ci.yml:17:7-26 job `four` runs `./scripts/deploy.sh`, but there is no scripts/deploy.sh',
      '.gitlab-ci.yml:20:7-11 job `five` runs `make`, but there is no Makefile there (make: "No targets specified and no makefile found")',
    ]);
  });

  it('does not take the tail of an expansion the shell parser split for a command', async () => {
    expect(await run('PKG_CONFIG_PATH=${PWD}/nettle-git/$NETTLE_DIR/lib/pkgconfig LD_LIBRARY_PATH=$X/lib make -j4 check', { Makefile: 'check:\n\ttrue\n' })).toEqual([]);
  });

  it('stays silent for build outputs, artifacts, submodules, what the job made, and after an unknown cd', async () => {
    const files = {
      '.gitignore': 'venv/\n*.whl\n',
      'sub/.gitignore': 'generated/\n',
      '.gitmodules': '[submodule "vendor/lib"]\n\tpath = vendor/lib\n\turl = https://example.com/lib.git\n',
      'sub/keep.txt': 'x\n',
    };
    const script = [
      'venv/bin/pip install -r requirements.lock',
      'pip install -r sub/generated/reqs.txt',
      'make -C vendor/lib',
      'bash out/run.sh',
      'curl -sSfo tools/get.sh https://example.com/get.sh && sh tools/get.sh',
      'cmake -S . -B build && make -C build',
      'cd "$SOME_DIR"',
      'pip install -r nothing.txt',
    ].join('\n');
    const extra = '  artifacts:\n    paths:\n      - out/\n';
    // requirements.lock is mentioned by nothing else: it is the one finding.
    expect(await run(script, files, extra)).toEqual(['.gitlab-ci.yml:6:31-48 job `job` installs from `requirements.lock`, but there is no requirements.lock']);
  });

  it('skips Windows jobs, and reads backslashes as the POSIX shell of other jobs does', async () => {
    expect(await run('cd build\\x64\n./ci/test.ps1', {}, '  tags: [saas-windows-medium-amd64]\n')).toEqual([]);
    expect(await run('pip install -r ci\\reqs.txt', { 'ci/reqs.txt': 'x\n' })).toEqual([
      '.gitlab-ci.yml:3:22-33 job `job` installs from `cireqs.txt`, but there is no cireqs.txt',
    ]);
  });

  it('is suppressed by a slipway-ignore comment in the CI file, for the next line only', async () => {
    const text = 'test:\n  script:\n    # slipway-ignore project/ci-missing-path\n    - pip install -r nope.txt\n    - pip install -r nope2.txt\n';
    expect(await lintRepo(RULE, '.gitlab-ci.yml', { '.gitlab-ci.yml': text })).toEqual([
      '.gitlab-ci.yml:5:22-31 job `test` installs from `nope2.txt`, but there is no nope2.txt',
    ]);
  });

  it('skips jobs without a checkout and commands run elsewhere', async () => {
    expect(await run('pip install -r requirements.txt', {}, '  variables:\n    GIT_STRATEGY: none\n')).toEqual([]);
    expect(await run(`ssh host "cd /srv/app && make deploy"\ndocker run --rm "$IMAGE" sh -c 'pip install -r requirements-dev.txt'`, {})).toEqual([]);
  });

  it('resolves paths from the checkout when linting a subdirectory repository on disk', async () => {
    const root = tmpRepo({
      'svc/.gitlab-ci.yml': ci('pip install -r requirements.txt\npip install -r "$CI_PROJECT_DIR/missing.txt"'),
      'svc/requirements.txt': 'x\n',
    });
    const found = (await lintDir(root)).filter((f) => f.ruleId === RULE).map(show);
    expect(found).toEqual(['svc/.gitlab-ci.yml:4:22-51 job `job` installs from `"$CI_PROJECT_DIR/missing.txt"`, but there is no svc/missing.txt']);
  });
});
