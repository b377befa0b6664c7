import { describe, expect, it } from 'vitest';
import { lintRepo } from './helpers.js';

const RULE = 'project/runtime-version-mismatch';
const run = (main: string, files: Record<string, string>) => lintRepo(RULE, main, files);

describe('project/runtime-version-mismatch with slipway.yaml', () => {
  const descriptor = 'name: app\nextends: python-flask\nruntime:\n  version: "3.13"\n  matrix: ["3.12", "3.13"]\n';

  it('reports the Dockerfile ARG default the FROM uses, at the value, naming the descriptor line', async () => {
    expect(
      await run('Dockerfile', {
        'slipway.yaml': descriptor,
        Dockerfile: 'ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-slim-bookworm\n',
      }),
    ).toEqual(['Dockerfile:1:20-24 Python 3.12 in the base image (`ARG PYTHON_VERSION`), but `runtime.version` in slipway.yaml:4 is 3.13']);
  });

  it('reports CI versions the matrix does not list, and a job matrix that misses one, reading 3.10 as written', async () => {
    const ci = 'test:\n  image: python:$PYTHON_VERSION\n  parallel:\n    matrix:\n      - PYTHON_VERSION: [3.10, "3.12"]\n  script: [pytest]\n';
    expect(await run('.gitlab-ci.yml', { 'slipway.yaml': descriptor, '.gitlab-ci.yml': ci })).toEqual([
      ".gitlab-ci.yml:5:26-30 Python 3.10 in `PYTHON_VERSION` in job `test`'s matrix, which `runtime.matrix` in slipway.yaml:5 does not list (3.12, 3.13)",
      ".gitlab-ci.yml:5:26-30 job `test`'s matrix does not test Python 3.13, which `runtime.matrix` in slipway.yaml:5 lists",
    ]);
  });

  it('names the preset or default when slipway.yaml does not write the value', async () => {
    const found = await run('Dockerfile', { 'slipway.yaml': 'name: app\nextends: python-flask\n', Dockerfile: 'FROM python:3.11-slim\n' });
    expect(found).toEqual(['Dockerfile:1:13-17 Python 3.11 in the base image, but `runtime.version` in slipway.yaml (via preset python-flask) is 3.13']);
  });

  it('accepts what agrees: the lint job on runtime.version, tox over the matrix, python:3', async () => {
    expect(
      await run('.gitlab-ci.yml', {
        'slipway.yaml': descriptor,
        '.gitlab-ci.yml': 'lint:\n  image: python:3.13-bookworm\n  script: [ruff]\nother:\n  image: python:3\n  script: [x]\n',
        'tox.ini': '[tox]\nenvlist = py{312,313}-django{42,50}, lint\n',
        Dockerfile: 'FROM python:3.13-slim AS build\nFROM python:3.13.1-slim\n',
      }),
    ).toEqual([]);
  });

  it('compares only root Dockerfiles with the descriptor; others only among their own stages', async () => {
    expect(
      await run('Dockerfile', {
        'slipway.yaml': descriptor,
        Dockerfile: 'FROM python:3.13-slim\n',
        'docs/Dockerfile': 'FROM python:3.11 AS build\nFROM python:3.10-slim\n',
      }),
    ).toEqual(['docs/Dockerfile:1:13-17 Python 3.11 in the base image of stage `build`, but the base image at docs/Dockerfile:2 uses 3.10; build and run on one version']);
  });
});

describe('project/runtime-version-mismatch without slipway.yaml', () => {
  it('takes the final stage of the root Dockerfile as the reference for other stages', async () => {
    expect(await run('Dockerfile', { Dockerfile: 'FROM python:3.12 AS build\nARG PY_VERSION=3.11\nFROM python:3.12-slim\n' })).toEqual([
      'Dockerfile:2:16-20 Python 3.11 in `ARG PY_VERSION`, but the base image at Dockerfile:3 uses 3.12; build and run on one version',
    ]);
  });

  it('reports a CI that never tests the image version once, at its first version, with global variables resolved', async () => {
    const ci = 'variables:\n  PYTHON_VERSION: "3.10"\ntest:\n  image: python:${PYTHON_VERSION}-slim\n  script: [pytest]\nlint:\n  image: python:3.11\n  script: [ruff]\n';
    expect(await run('.gitlab-ci.yml', { '.gitlab-ci.yml': ci, Dockerfile: 'FROM python:3.12-slim\n' })).toEqual([
      '.gitlab-ci.yml:2:20-24 the CI runs Python 3.10 and 3.11 but never 3.12, the version of the base image at Dockerfile:1: the shipped version is not tested',
    ]);
  });

  it('reports tox envlists that never test the image version', async () => {
    expect(await run('tox.ini', { 'tox.ini': '[tox]\nenvlist = py310,py311\n', Dockerfile: 'FROM python:3.12-slim\n' })).toEqual([
      'tox.ini:2:11-16 tox runs Python 3.10 and 3.11 but never 3.12, the version of the base image at Dockerfile:1: the shipped version is not tested',
    ]);
  });

  it('compares Node.js and Go images separately from Python', async () => {
    expect(
      await run('.gitlab-ci.yml', {
        '.gitlab-ci.yml': 'assets:\n  image: node:18-alpine\n  script: [npm ci]\ntest:\n  image: python:3.12\n  script: [pytest]\n',
        Dockerfile: 'FROM node:20 AS assets\nFROM golang:1.22 AS tool\nFROM python:3.12-slim\n',
      }),
    ).toEqual(['.gitlab-ci.yml:2:15-17 the CI runs Node.js 18 but never 20, the version of the base image of stage `assets` at Dockerfile:1: the shipped version is not tested']);
  });

  it('stays silent without a reference and for versions it cannot resolve', async () => {
    expect(await run('.gitlab-ci.yml', { '.gitlab-ci.yml': 'test:\n  image: python:3.10\n  script: [pytest]\n', 'tox.ini': '[tox]\nenvlist = py312\n' })).toEqual([]);
    expect(
      await run('Dockerfile', {
        Dockerfile: 'ARG PYTHON_VERSION\nFROM python:${PYTHON_VERSION}-slim AS build\nFROM python:3.12-slim\n',
        '.gitlab-ci.yml': 'test:\n  image: python:$UNSET\n  script: [pytest]\nx:\n  image: python:latest\n  script: [x]\n',
      }),
    ).toEqual([]);
  });

  it('reports a job of an included file once, where it is written', async () => {
    const found = await run('.gitlab-ci.yml', {
      '.gitlab-ci.yml': 'include:\n  - local: ci/test.gitlab-ci.yml\n',
      'ci/test.gitlab-ci.yml': 'test:\n  image: python:3.10\n  script: [pytest]\n',
      Dockerfile: 'FROM python:3.12-slim\n',
    });
    expect(found).toEqual([
      'ci/test.gitlab-ci.yml:2:17-21 the CI runs Python 3.10 but never 3.12, the version of the base image at Dockerfile:1: the shipped version is not tested',
    ]);
  });
});
