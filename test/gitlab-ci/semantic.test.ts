import { describe, expect, test } from 'vitest';
import { gitlabCiSupport } from '../../src/lint/gitlab-ci/index.js';
import { brief, lint, messages, model } from './helpers.js';


describe('undefined-stage', () => {
  test('against declared stages, with a suggestion for swapped letters', () => {
    expect(messages('stages: [build, test]\nunit:\n  stage: tset\n  script: make\n', ['undefined-stage'])).toEqual([
      '3:10 stage `tset` of job `unit` is not one of `stages:` (`.pre`, `build`, `test`, `.post`); did you mean `test`?',
    ]);
  });

  test("against GitLab's defaults when stages are not declared", () => {
    expect(messages('lint:\n  stage: lint\n  script: make\n', ['undefined-stage'])).toEqual([
      "2:10 stage `lint` of job `lint` is not one of GitLab's default stages (`.pre`, `build`, `test`, `deploy`, `.post`), as `stages:` is not declared; add `lint` to `stages:`",
    ]);
  });

  test('a template stage is reported once, where it is written', () => {
    const code = '.t:\n  stage: nope\na:\n  extends: .t\n  script: a\nb:\n  extends: .t\n  script: b\n';
    expect(brief(lint(code, { only: ['undefined-stage'] }))).toEqual(['2:10 undefined-stage']);
  });

  test('silent when stages may come from an unreadable include, or in an included file', () => {
    expect(lint('include:\n  - project: g/ci\n    file: stages.yml\njob:\n  stage: lint\n  script: make\n', { only: ['undefined-stage'] })).toEqual([]);
    expect(lint('job:\n  stage: lint\n  script: make\n', { only: ['undefined-stage'], path: 'ci/lint.gitlab-ci.yml' })).toEqual([]);
  });

  test('stages declared in a local include count', () => {
    expect(lint('include: ci/stages.yml\njob:\n  stage: lint\n  script: make\n', { only: ['undefined-stage'], files: { 'ci/stages.yml': 'stages: [lint]\n' } })).toEqual([]);
  });
});

describe('needs-unknown-job and dependencies-unknown-job', () => {
  test('unknown names with suggestions, hidden jobs explained, in needs and rules:needs', () => {
    const code = [
      'build:',
      '  script: make',
      '.tmpl:',
      '  script: make',
      'test:',
      '  script: make test',
      '  needs: [biuld, .tmpl]',
      '  dependencies: [buidl]',
      '  rules:',
      '    - needs: [nope]',
      '',
    ].join('\n');
    expect(messages(code, ['needs-unknown-job', 'dependencies-unknown-job'])).toEqual([
      '7:11 job `test` needs `biuld`, which is not defined; did you mean `build`?',
      '7:18 job `test` needs `.tmpl`, which is a hidden job (its name starts with `.`) and never runs; name a job that runs',
      '8:18 job `test` depends on `buidl`, which is not defined; did you mean `build`?',
      '10:15 job `test` needs `nope`, which is not defined',
    ]);
  });

  test('optional needs, other pipelines, parallel instances and variables are left alone', () => {
    const code = [
      'build:',
      '  script: make',
      '  parallel: 2',
      'test:',
      '  script: make test',
      '  needs:',
      '    - {job: maybe, optional: true}',
      '    - {pipeline: $PARENT_PIPELINE_ID, job: gen}',
      '    - {project: g/p, job: x, ref: main}',
      '    - "build 1/2"',
      '    - $DYNAMIC',
      '',
    ].join('\n');
    expect(lint(code, { only: ['needs-unknown-job'] })).toEqual([]);
  });

  test('jobs from local includes count; unreadable includes silence the rule', () => {
    expect(lint('include: ci/b.yml\ntest:\n  script: t\n  needs: [build]\n', { only: ['needs-unknown-job'], files: { 'ci/b.yml': 'build:\n  script: b\n' } })).toEqual([]);
    expect(lint('include:\n  - remote: https://example.com/b.yml\ntest:\n  script: t\n  needs: [build]\n', { only: ['needs-unknown-job'] })).toEqual([]);
  });
});

describe('extends-unknown and extends-cycle', () => {
  test('unknown, with a suggestion, at the name', () => {
    expect(messages('.tests:\n  script: make\nunit:\n  extends: [.base, .test]\n', ['extends-unknown'])).toEqual([
      '4:13 job `unit` extends `.base`, which is not defined',
      '4:20 job `unit` extends `.test`, which is not defined; did you mean `.tests`?',
    ]);
  });

  test('a cycle is reported once; self-extension too', () => {
    expect(brief(lint('.a:\n  extends: .b\n.b:\n  extends: .a\nj:\n  extends: .a\n  script: x\n', { only: ['extends-cycle'] }))).toHaveLength(1);
    expect(messages('job:\n  extends: job\n  script: make\n', ['extends-cycle'])).toEqual([
      '2:12 `extends` of job `job` forms a cycle: `job` → `job`; remove one of the links',
    ]);
  });

  test('chains deeper than GitLab allows', () => {
    const lines: string[] = [];
    for (let i = 0; i < 12; i++) lines.push(`.t${i}:`, i === 11 ? '  script: x' : `  extends: .t${i + 1}`);
    lines.push('job:', '  extends: .t0', '');
    expect(messages(lines.join('\n'), ['extends-cycle'])[0]).toMatch(/deeper than 10 levels/);
  });
});

describe('only/except', () => {
  test('deprecated: a warning at the keyword, once per place', () => {
    const findings = lint('.t:\n  only: [main]\na:\n  extends: .t\n  script: a\nb:\n  extends: .t\n  script: b\n', { only: ['only-except-deprecated'] });
    expect(findings.map((f) => `${f.line}:${f.column} ${f.severity}`)).toEqual(['2:3 warning']);
  });

  test('with rules, after extends: an error naming the template', () => {
    expect(messages('.t:\n  except: [tags]\njob:\n  extends: .t\n  script: make\n  rules:\n    - when: manual\n', ['rules-with-only-except', 'only-except-deprecated'])).toEqual([
      '2:3 job `job` has both `rules` and `except` (it comes from a template it extends); GitLab refuses that: express the `except` condition as a rule and remove `except`',
    ]);
  });
});

describe('duplicate-key', () => {
  test('jobs and keywords, at the kept one, naming the dropped line', () => {
    expect(messages('test:\n  script: a\n  script: b\ntest:\n  script: c\n', ['duplicate-key'])).toEqual([
      '3:3 key `script` is defined twice in the same mapping; GitLab keeps only this one and silently drops the one at line 2',
      '4:1 job `test` is defined twice in the same mapping; GitLab keeps only this one and silently drops the one at line 1',
    ]);
  });

  test('keys overridden through `<<` are not duplicates', () => {
    expect(lint('.d: &d\n  image: a\njob:\n  <<: *d\n  image: b\n  script: make\n', { only: ['duplicate-key'] })).toEqual([]);
  });
});

describe('includes', () => {
  test('a missing local file is an error at the path; other kinds an info note', () => {
    const findings = lint('include:\n  - local: ci/nope.yml\n  - template: Jobs/SAST.gitlab-ci.yml\n', { only: ['missing-include', 'include-not-checked'] });
    expect(findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId}`)).toEqual([
      '2:12 error gitlab-ci/missing-include',
      '3:15 info gitlab-ci/include-not-checked',
    ]);
  });
});

describe('unknown-reference and invalid-yaml-construct', () => {
  test('references to unknown keys list what the job has', () => {
    expect(messages('.s:\n  script: x\njob:\n  script:\n    - !reference [.s, before_script]\n', ['unknown-reference'])).toEqual([
      '5:7 `!reference [.s, before_script]`: `.s` has no key `before_script` (it has `script`)',
    ]);
  });

  test('a merge of a list, and documents after the configuration', () => {
    expect(brief(lint('.l: &l [a]\njob:\n  <<: *l\n  script: make\n---\nx: 1\n', { only: ['invalid-yaml-construct'] }))).toEqual([
      '3:7 invalid-yaml-construct',
      '5:1 invalid-yaml-construct',
    ]);
  });
});

describe('statementRange (for `# slipway-ignore` comments)', () => {
  const code = ['stages: [a]', '# slipway-ignore', 'job:', '  script:', '    - one', '    - two', '  stage: a', 'next:', '  script: x', ''].join('\n');
  const doc = model(code);
  test('a top-level key with its whole value', () => {
    expect(gitlabCiSupport.statementRange!(doc, 3)).toEqual({ startLine: 3, endLine: 7 });
  });
  test('a nested key, and a list item', () => {
    expect(gitlabCiSupport.statementRange!(doc, 4)).toEqual({ startLine: 4, endLine: 6 });
    expect(gitlabCiSupport.statementRange!(doc, 6)).toEqual({ startLine: 6, endLine: 6 });
  });
  test('the first statement after a comment line', () => {
    expect(gitlabCiSupport.statementRange!(doc, 2)).toEqual({ startLine: 3, endLine: 7 });
  });
});
