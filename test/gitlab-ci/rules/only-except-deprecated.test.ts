import { describe, expect, test } from 'vitest';
import { lintText } from '../../../src/lint/index.js';
import { fixed } from './fix-helper.js';

const rule = 'only-except-deprecated';
const fix = (code: string) => fixed(code, rule);

/** True when every finding of the rule on `code` carries a fix. */
async function offersFix(code: string): Promise<boolean> {
  const own = (await lintText(code, { kind: 'gitlab-ci', only: [`gitlab-ci/${rule}`] })).filter((f) => f.ruleId === `gitlab-ci/${rule}`);
  expect(own.length).toBeGreaterThan(0);
  return own.every((f) => f.fix && f.fix.length > 0);
}

describe(rule, () => {
  test('names and regexes match branch and tag pipelines only, never merge request pipelines', async () => {
    expect(await fix('a:\n  script: x\n  only:\n    - main\n    - /^release-\\d+$/i\n')).toBe(
      'a:\n  script: x\n  rules:\n    - if: $CI_COMMIT_BRANCH == "main" || $CI_COMMIT_TAG == "main"\n' +
        "    - if: '$CI_COMMIT_BRANCH =~ /^release-\\d+$/i || $CI_COMMIT_TAG =~ /^release-\\d+$/i'\n",
    );
    // With `branches` or `tags` in the same list, the other half is enough.
    expect(await fix('a:\n  script: x\n  only: [tags, main]\n')).toBe(`a:\n  script: x\n  rules: [{ if: '$CI_COMMIT_TAG' }, { if: '$CI_COMMIT_BRANCH == "main"' }]\n`);
  });

  test('source keywords become $CI_PIPELINE_SOURCE comparisons', async () => {
    expect(await fix('a:\n  script: x\n  only: [schedules, web, api, triggers, pipelines, pushes, external_pull_requests]\n')).toBe(
      'a:\n  script: x\n  rules: [' +
        ['schedule', 'web', 'api', 'trigger', 'pipeline', 'push', 'external_pull_request_event'].map((s) => `{ if: '$CI_PIPELINE_SOURCE == "${s}"' }`).join(', ') +
        ']\n',
    );
  });

  test('except comes first with when: never; only what only: allows follows', async () => {
    expect(await fix('a:\n  except:\n    - main\n  script: x\n  only:\n    - branches\n  when: always\n')).toBe(
      'a:\n  rules:\n    - if: $CI_COMMIT_REF_NAME == "main"\n      when: never\n    - if: $CI_COMMIT_BRANCH\n  script: x\n  when: always\n',
    );
    // A merge request pipeline can run the job: the except name must not match it.
    expect(await fix('a:\n  script: x\n  only: [merge_requests]\n  except: [/^wip-/]\n')).toBe(
      `a:\n  script: x\n  rules: [{ if: '$CI_COMMIT_BRANCH =~ /^wip-/ || $CI_COMMIT_TAG =~ /^wip-/', when: never }, { if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]\n`,
    );
    // except: alone keeps GitLab's default only: [branches, tags].
    expect(await fix('a:\n  script: x\n  except: [schedules]\n')).toBe(
      `a:\n  script: x\n  rules: [{ if: '$CI_PIPELINE_SOURCE == "schedule"', when: never }, { if: '$CI_COMMIT_BRANCH || $CI_COMMIT_TAG' }]\n`,
    );
  });

  test('a name, a list or refs:, in block or flow style; comments around and CRLF kept', async () => {
    expect(await fix('a:\n  script: x\n  only: main # deploy\n')).toBe('a:\n  script: x\n  only: main # deploy\n');
    expect(await fix('a:\n  script: x\n  only: main\n')).toBe('a:\n  script: x\n  rules:\n    - if: $CI_COMMIT_BRANCH == "main" || $CI_COMMIT_TAG == "main"\n');
    expect(await fix('a:\n  script: x\n  # when to run\n  only:\n    refs:\n    - tags\n  # after\n')).toBe('a:\n  script: x\n  # when to run\n  rules:\n    - if: $CI_COMMIT_TAG\n  # after\n');
    expect(await fix('a:\r\n  script: x\r\n  only:\r\n  - tags\r\n  except:\r\n  - /^old/\r\n  stage: test\r\n')).toBe(
      'a:\r\n  script: x\r\n  rules:\r\n  - if: $CI_COMMIT_REF_NAME =~ /^old/\r\n    when: never\r\n  - if: $CI_COMMIT_TAG\r\n  stage: test\r\n',
    );
  });

  test('no fix for conditions that are not branch and tag lists', async () => {
    for (const only of [
      'only:\n    variables: [$DEPLOY]',
      'only:\n    refs: [main]\n    changes: [src/**/*]',
      'only:\n    kubernetes: active',
      'only: [main@group/project]',
      'only: [push]',
      'only: []',
      "only: ['/[/']",
      'only: [main, 1.0]',
    ]) {
      expect(await offersFix(`a:\n  script: x\n  ${only}\n`), only).toBe(false);
    }
  });

  test('no fix for manual or delayed jobs, whose defaults differ under rules', async () => {
    expect(await offersFix('a:\n  script: x\n  when: manual\n  only: [main]\n')).toBe(false);
    expect(await offersFix('a:\n  script: x\n  when: delayed\n  start_in: 5 minutes\n  only: [main]\n')).toBe(false);
  });

  test('no fix when the value is shared or inherited', async () => {
    expect(await offersFix('.t:\n  only: [main]\na:\n  extends: .t\n  script: x\n')).toBe(false);
    expect(await offersFix('a:\n  script: x\n  only: [main]\nb:\n  extends: a\n  only: [tags]\n')).toBe(false);
    expect(await offersFix('.refs: &refs [main]\na:\n  script: x\n  only: *refs\n')).toBe(false);
    expect(await offersFix('a: &a\n  script: x\n  only: [main]\n')).toBe(false);
    expect(await offersFix('a:\n  script: x\n  only: [main]\nb:\n  script: y\n  only: !reference [a, only]\n')).toBe(false);
    expect(await offersFix('a: {script: x, only: [main]}\n')).toBe(false);
    // A template without conditions may be extended.
    expect(await fix('.t:\n  image: alpine:3.20\na:\n  extends: .t\n  script: x\n  only: [tags]\n')).toBe(
      ".t:\n  image: alpine:3.20\na:\n  extends: .t\n  script: x\n  rules: [{ if: '$CI_COMMIT_TAG' }]\n",
    );
  });
});
