/**
 * A hand-written repository laid out as many are (a Dockerfile in docker/, CI building it from the
 * root, docs with their own Makefile, a venv, a compose file with a database): consistent, so no
 * cross-file rule may report anything; then single edits that each rule must catch.
 */
import { describe, expect, it } from 'vitest';
import { tmpRepo } from '../engine/tmp-repo.js';
import { lintDir, show } from './helpers.js';

const REPO: Record<string, string> = {
  '.gitignore': '.venv/\n__pycache__/\ndist/\ndocs/_build/\n',
  '.gitlab-ci.yml': `stages: [test, build, deploy]
variables:
  PYTHON_VERSION: "3.12"
test:
  stage: test
  image: python:\${PYTHON_VERSION}
  before_script:
    - python -m venv .venv
    - . .venv/bin/activate
    - pip install -r requirements.txt -r requirements-dev.txt
  script:
    - make test
    - tox -e lint
docs:
  stage: test
  image: python:3.12
  script:
    - pip install -r docs/requirements.txt
    - make -C docs html
  artifacts:
    paths: [docs/_build/html]
build:
  stage: build
  image: docker:27.3
  services: [docker:27.3-dind]
  script:
    - docker build --pull --target runtime --build-arg PYTHON_VERSION=$PYTHON_VERSION -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA" -f docker/Dockerfile .
    - docker run -d --name smoke -p 8080:8000 "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA"
    - docker run -d -p 5432:5432 postgres:16
deploy:
  stage: deploy
  image: alpine:3.20
  script:
    - ssh deploy@example.com "docker run -d -p 80:8000 $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA"
`,
  'docker/Dockerfile': `ARG PYTHON_VERSION=3.12
FROM python:\${PYTHON_VERSION} AS build
COPY requirements.txt /tmp/
RUN pip wheel --wheel-dir /wheels -r /tmp/requirements.txt

FROM python:\${PYTHON_VERSION}-slim AS runtime
COPY --from=build /wheels /wheels
COPY src/ /app/src/
COPY docker/entrypoint.sh /entrypoint.sh
EXPOSE 8000
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://localhost:8000/health')"
ENTRYPOINT ["/entrypoint.sh"]
`,
  'docker/entrypoint.sh': 'exec "$@"\n',
  '.dockerignore': '.git\n.venv\n**/__pycache__\ndocs/_build\n',
  Makefile: '.PHONY: test lint\ntest:\n\tpytest\nlint:\n\truff check .\n',
  'docs/Makefile': '.PHONY: help\nhelp:\n\t@sphinx-build -M help . _build\n%: Makefile\n\t@sphinx-build -M $@ . _build\n',
  'docs/requirements.txt': 'sphinx\n',
  'tox.ini': '[tox]\nenvlist = py311, py312, lint\n\n[testenv:lint]\ncommands = ruff check .\n',
  'compose.yaml': 'services:\n  app:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n    ports: ["8000:8000"]\n  db:\n    image: postgres:16\n    ports: ["5432:5432"]\n',
  'requirements.txt': 'flask\n',
  'requirements-dev.txt': 'pytest\n',
  'src/app.py': 'print(1)\n',
};

const findings = async (files: Record<string, string>) => (await lintDir(tmpRepo(files))).map((f) => `${f.ruleId} ${show(f)}`);

describe('a consistent hand-written repository', () => {
  it('gives no cross-file finding', async () => {
    expect(await findings(REPO)).toEqual([]);
  });

  it('gives one finding per inconsistency', async () => {
    const broken = {
      ...REPO,
      'docker/Dockerfile': REPO['docker/Dockerfile']!.replace('EXPOSE 8000', 'EXPOSE 5000').replace('AS runtime', 'AS app'),
      'tox.ini': '[tox]\nenvlist = py310, py311, lint\n',
      '.gitlab-ci.yml': REPO['.gitlab-ci.yml']!.replace('make -C docs html', 'make -C doc html').replace('make test', 'make tests'),
    };
    expect(await findings(broken)).toEqual([
      'project/unknown-make-target .gitlab-ci.yml:12:12-17 job `test` runs `make tests`, but Makefile has no target `tests`; did you mean `test`? (make: "No rule to make target")',
      'project/ci-missing-path .gitlab-ci.yml:19:15-18 job `docs` runs `make -C doc`, but there is no directory doc',
      'project/unknown-build-stage .gitlab-ci.yml:27:36-43 job `build` builds `--target runtime`, but docker/Dockerfile has no stage `runtime` (its stages are `build`, `app`)',
      'project/port-mismatch .gitlab-ci.yml:28:42-46 `-p 8080:8000` in job `build` maps container port 8000, but the image exposes 5000 (docker/Dockerfile:10)',
      'project/port-mismatch .gitlab-ci.yml:34:51-55 `-p 80:8000` in job `deploy` maps container port 8000, but the image exposes 5000 (docker/Dockerfile:10)',
      'project/port-mismatch compose.yaml:6:19-23 `ports` of service `app` maps container port 8000, but the image exposes 5000 (docker/Dockerfile:10)',
      'project/port-mismatch docker/Dockerfile:11:92-96 the HEALTHCHECK probes port 8000, but the image exposes 5000 (docker/Dockerfile:10)',
      'project/runtime-version-mismatch tox.ini:2:11-16 tox runs Python 3.10 and 3.11 but never 3.12, the version of the base image of stage `app` (`ARG PYTHON_VERSION`) at docker/Dockerfile:1: the shipped version is not tested',
    ]);
  });
});
