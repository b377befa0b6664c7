import { describe, expect, test } from 'vitest';
import { brief, lint, messages } from './helpers.js';


describe('unknown keywords', () => {
  test('in a job, at the key, with a did-you-mean', () => {
    expect(messages('package:\n  scirpt:\n    - make package\n', ['unknown-keyword'])).toEqual([
      "2:3 unknown keyword `scirpt` in job `package`; did you mean `script`?",
    ]);
  });

  test('nested keywords say where and list what is allowed when nothing is close', () => {
    expect(messages('job:\n  script: make\n  artifacts:\n    paths: [a]\n    zzz: 1\n', ['unknown-keyword'])).toEqual([
      '5:5 unknown keyword `zzz` in `artifacts` of job `job`; expected one of `paths`, `exclude`, `expose_as`, `name`, `untracked`, `when`, `access`, `public`, `expire_in`, `reports`',
    ]);
  });

  test('a misspelled global keyword reads as a job: said so, and it is not also checked as a job', () => {
    expect(lint('varaibles:\n  GIT_DEPTH: 1\njob:\n  script: make\n').map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`)).toEqual([
      '1:1 gitlab-ci/unknown-keyword unknown global keyword `varaibles`: GitLab reads it as a job named `varaibles`, which has no `script:`; did you mean `variables`?',
    ]);
  });

  test('a job keyword at the top level', () => {
    expect(messages('stage: build\njob:\n  script: make\n', ['unknown-keyword'])).toEqual([
      '1:1 `stage` is not a global keyword, so GitLab reads it as a job named `stage`, and a job must be a mapping with `script:`; move it into a job (or did you mean the global keyword `stages`?)',
    ]);
    expect(messages('tags: [docker]\n', ['unknown-keyword'])[0]).toMatch(/^1:1 `tags` is not a global keyword.*; move it into a job or under `default:`/);
    expect(messages('variabels: x\n', ['unknown-keyword'])[0]).toMatch(/; did you mean the global keyword `variables`\?$/);
  });

  test('global keywords in a job, and global-only variable keys, get a note on where they belong', () => {
    expect(messages('job:\n  script: make\n  include: x.yml\n', ['unknown-keyword'])[0]).toMatch(/`include` is a global keyword/);
    expect(messages('job:\n  script: make\n  variables:\n    A:\n      value: "1"\n      description: x\n', ['unknown-keyword'])).toEqual([
      '6:7 unknown keyword `description` in `variables:A` of job `job`; `description` is only allowed for global `variables`',
    ]);
    expect(messages('job:\n  script: make\n  environment:\n    name: x\n    description: y\n', ['unknown-keyword'])[0]).toMatch(/expected one of `name`/);
  });

  test('hidden keys are not checked unless a job extends them; then at the template, once', () => {
    expect(lint('.anchors:\n  whatever: [1, 2]\n')).toEqual([]);
    const code = '.tmpl:\n  scirpt: make\na:\n  extends: .tmpl\n  script: a\nb:\n  extends: .tmpl\n  script: b\n';
    expect(messages(code, ['unknown-keyword'])).toEqual(['2:3 unknown keyword `scirpt` in template `.tmpl` (extended by job `a`); did you mean `script`?']);
  });
});

describe('types and values', () => {
  test('wrong types point at the value and say what is expected', () => {
    expect(messages('job:\n  script: make\n  cache:\n    paths: vendor/\n  interruptible: "true"\n', ['invalid-type'])).toEqual([
      '4:12 `cache:paths` in job `job` must be a list of strings, not the string `vendor/`',
      '5:18 `interruptible` in job `job` must be `true` or `false`, not the string `true`; remove the quotes',
    ]);
  });

  test('a `: ` inside a script line is explained', () => {
    expect(messages('job:\n  script:\n    - curl -H Content-Type: application/json x\n', ['invalid-type'])[0]).toMatch(
      /^3:7 an item of `script` in job `job` must be a string \(a script line\), not a mapping \(a `: ` inside an unquoted value/,
    );
  });

  test('stages must be a list of names', () => {
    expect(messages('stages: build\n', ['invalid-type'])).toEqual(['1:9 `stages` must be a list of stage names, not the string `build`']);
  });

  test('the top level must be a mapping', () => {
    expect(messages('- a\n- b\n', ['invalid-type'])).toEqual(['1:1 the top level of a GitLab CI file must be a mapping of global keywords and jobs, not a list']);
  });

  test('values out of range or not allowed, with the allowed ones', () => {
    expect(messages('job:\n  script: make\n  retry: 3\n  artifacts:\n    access: everyone\n', ['invalid-value'])).toEqual([
      '3:10 `retry` in job `job` is 3; it must be a whole number from 0 to 2',
      '5:13 `artifacts:access` in job `job` is `everyone`, which is not one of `all`, `developer`, `maintainer`, `none`',
    ]);
  });

  test('required keywords are checked after extends', () => {
    expect(messages('job:\n  image:\n    entrypoint: [""]\n  script: make\n', ['missing-keyword'])).toEqual(['2:3 `image` in job `job` needs `name:`']);
    expect(lint('.t:\n  image:\n    name: alpine\njob:\n  extends: .t\n  image:\n    entrypoint: [""]\n  script: make\n', { only: ['missing-keyword'] })).toEqual([]);
  });

  test('a null keyword that unsets an inherited value is not a type error', () => {
    expect(lint('.t:\n  parallel: 3\njob:\n  extends: .t\n  parallel: null\n  script: make\n', { only: ['invalid-type', 'invalid-parallel'] })).toEqual([]);
    expect(brief(lint('job:\n  parallel:\n  script: make\n', { only: ['invalid-parallel'] }))).toEqual(['2:3 invalid-parallel']);
  });

  test('lists GitLab flattens may nest (aliases to lists, references)', () => {
    const code = '.c: &c\n  - key: go\n    paths: [.go/]\njob:\n  script: make\n  cache:\n    - *c\n  services: [[postgres:16]]\n';
    expect(lint(code, { only: ['invalid-type', 'invalid-value'] })).toEqual([]);
  });

  test('component inputs ($[[ inputs.x ]]) may stand for a value of any type', () => {
    const code = 'spec:\n  inputs:\n    n: {type: number, default: 2}\n---\njob:\n  script: $[[ inputs.script ]]\n  parallel: $[[ inputs.n ]]\n  when: $[[ inputs.when ]]\n  rules:\n    - if: $[[ inputs.condition ]]\n';
    expect(lint(code)).toEqual([]);
  });

  test('include accepts one mapping as well as a list', () => {
    expect(lint('include:\n  local: ci.yml\n', { only: ['invalid-type'], files: { 'ci.yml': 'a:\n  script: a\n' } })).toEqual([]);
  });
});

describe('missing script', () => {
  test('reported at the job key, after extends', () => {
    expect(messages('.base:\n  image: alpine\nbuild:\n  extends: .base\n', ['missing-script'])).toEqual([
      '3:1 job `build` has no `script:` (nor do the templates it extends: `.base`); GitLab refuses a job with nothing to run: add `script:` (or `trigger:`), or rename it `.build` if it is a template',
    ]);
  });

  test('trigger, run, a template with script, or an unreadable include supply one', () => {
    expect(lint('a:\n  trigger: g/p\nb:\n  run:\n    - name: s\n      script: make\n', { only: ['missing-script'] })).toEqual([]);
    expect(lint('.t:\n  script: make\nc:\n  extends: .t\n', { only: ['missing-script'] })).toEqual([]);
    expect(lint('include:\n  - template: Auto-DevOps.gitlab-ci.yml\nbuild:\n  variables: {A: "1"}\n', { only: ['missing-script'] })).toEqual([]);
    expect(lint('job:\n  extends: .unknown\n', { only: ['missing-script'] })).toEqual([]);
  });
});

describe('rules:if expressions', () => {
  test('the finding points at the bad token inside the expression, quoted or not', () => {
    const code = 'job:\n  script: make\n  rules:\n    - if: $CI_COMMIT_BRANCH == main\n    - if: \'$A == "x" && !$B\'\n    - if: "$A =~ /(x/"\n';
    expect(lint(code, { only: ['invalid-rules-if'] }).map((f) => `${f.line}:${f.column}-${f.endColumn}`)).toEqual(['4:32-36', '5:25-26', '6:18-22']);
  });

  test('workflow, include and only:variables expressions are checked too', () => {
    const code = 'include:\n  - local: a.yml\n    rules:\n      - if: $X = "1"\nworkflow:\n  rules:\n    - if: $Y == yes\njob:\n  script: make\n  only:\n    variables:\n      - $Z == z\n';
    expect(brief(lint(code, { only: ['invalid-rules-if'], files: { 'a.yml': '' } }))).toEqual(['4:16 invalid-rules-if', '7:17 invalid-rules-if', '12:15 invalid-rules-if']);
  });
});

describe('when', () => {
  test('per context', () => {
    const code = [
      'workflow:',
      '  rules:',
      '    - when: on_success',
      'include:',
      '  - local: a.yml',
      '    rules:',
      '      - when: manual',
      'job:',
      '  script: make',
      '  when: never',
      '  artifacts:',
      '    when: on_succes',
      '  rules:',
      '    - when: never',
      '',
    ].join('\n');
    expect(messages(code, ['invalid-when'], { 'a.yml': '' })).toEqual([
      '3:13 `workflow:rules:when` is `on_success`, but `when` in `workflow:rules` is one of `always`, `never`; only `always` and `never` decide whether the pipeline or file is used',
      '7:15 `include:rules:when` is `manual`, but `when` in `include:rules` is one of `always`, `never`; only `always` and `never` decide whether the pipeline or file is used',
      "10:9 `when` in job `job` is `never`, but a job's `when` is one of `on_success`, `on_failure`, `always`, `manual`, `delayed`; `when: never` only works inside `rules:` (for example `rules: [{ when: never }]`)",
      '12:11 `artifacts:when` in job `job` is `on_succes`, but `artifacts:when` is one of `on_success`, `on_failure`, `always`; did you mean `on_success`?',
    ]);
  });

  test('delayed needs start_in, and start_in needs delayed', () => {
    expect(messages('a:\n  script: make\n  when: delayed\nb:\n  script: make\n  start_in: 1 hour\n', ['invalid-when'])).toEqual([
      '3:9 `when: delayed` in job `a` needs `start_in:` (for example `start_in: 30 minutes`)',
      '6:3 `start_in` in job `b` only works with `when: delayed`',
    ]);
  });
});

describe('needs and parallel shapes', () => {
  test('needs', () => {
    const code = 'a:\n  script: make\nb:\n  script: make\n  needs:\n    - jobs: a\n    - project: g/p\n      job: a\n';
    expect(messages(code, ['invalid-needs'])).toEqual([
      '6:7 unknown keyword `jobs` in `needs` items of job `b`; did you mean `job`?',
      '6:7 an item of `needs` in job `b` needs `job:`',
      '7:7 an item of `needs` in job `b` needs `ref:`',
    ]);
  });

  test('parallel: matrix shape and the 200-job limit', () => {
    const big = 'job:\n  script: make\n  parallel:\n    matrix:\n      - A: [' + Array.from({ length: 21 }, (_, i) => i).join(', ') + ']\n        B: [' + Array.from({ length: 10 }, (_, i) => `b${i}`).join(', ') + ']\n';
    expect(messages(big, ['invalid-parallel'])).toEqual(['5:7 `parallel:matrix` in job `job` creates 210 jobs; GitLab allows at most 200 per job']);
    expect(messages('job:\n  script: make\n  parallel:\n    matrix:\n      A: [1, 2]\n', ['invalid-parallel'])).toEqual([
      '5:7 `parallel:matrix` in job `job` must be a list of mappings of variable names to values, not a mapping',
    ]);
  });
});

describe('findings in included files', () => {
  test('carry the included file and its line', () => {
    const findings = lint('include: ci/jobs.yml\n', { files: { 'ci/jobs.yml': 'build:\n  scirpt: make\n' }, only: ['unknown-keyword', 'missing-script'] });
    expect(brief(findings)).toEqual(['ci/jobs.yml:1:1 missing-script', 'ci/jobs.yml:2:3 unknown-keyword']);
  });
});
