import { describe, expect, it } from 'vitest';
import { lintRepo } from './helpers.js';

describe('project/unknown-build-stage', () => {
  const run = (files: Record<string, string>) => lintRepo('project/unknown-build-stage', '.gitlab-ci.yml', files);

  it('reads the Dockerfile the job builds, after cd, and lists the stages when nothing is close', async () => {
    const files = {
      '.gitlab-ci.yml': 'build:\n  script:\n    - cd app\n    - docker build --target=prod -t x .\n',
      'app/Dockerfile': 'FROM python:3.12 AS build\nFROM python:3.12-slim AS runtime\n',
      Dockerfile: 'FROM python:3.12 AS prod\n',
    };
    expect(await run(files)).toEqual([
      '.gitlab-ci.yml:4:29-33 job `build` builds `--target prod`, but app/Dockerfile has no stage `prod` (its stages are `build`, `runtime`)',
    ]);
  });

  it('stays silent when the Dockerfile is missing (ci-missing-path reports it) or the target is dynamic', async () => {
    expect(await run({ '.gitlab-ci.yml': 'build:\n  script:\n    - docker build --target test -f nope/Dockerfile .\n' })).toEqual([]);
    expect(await run({ '.gitlab-ci.yml': 'build:\n  script:\n    - docker build --target "$TARGET" .\n', Dockerfile: 'FROM x\n' })).toEqual([]);
  });
});

describe('project/unused-build-arg', () => {
  const run = (files: Record<string, string>) => lintRepo('project/unused-build-arg', '.gitlab-ci.yml', files);

  it('counts ARGs of every stage and of ONBUILD triggers, and predefined ones', async () => {
    const files = {
      '.gitlab-ci.yml': 'build:\n  script:\n    - docker build --build-arg A=1 --build-arg B --build-arg HTTPS_PROXY=x --build-arg SOURCE_DATE_EPOCH=0 --build-arg C=1 .\n',
      Dockerfile: 'ARG A\nFROM python:3.12\nONBUILD ARG B\nFROM python:3.12-slim\n',
    };
    expect(await run(files)).toEqual([
      ".gitlab-ci.yml:3:120-123 job `build` passes `--build-arg C`, but Dockerfile declares no `ARG C`, so the value is dropped",
    ]);
  });
});
