import { describe, expect, test } from 'vitest';
import { buildModel } from '../../src/lint/gitlab-ci/model/build.js';
import { memoryEnv } from '../../src/lint/gitlab-ci/run.js';
import { getIn, isMap, keyName, type YNode, type YScalar } from '../../src/lint/gitlab-ci/yaml/nodes.js';
import { model, pos } from './helpers.js';

const at = (node: YNode | undefined) => (node ? `${node.file.path}@${pos(node.file.text, node.span.start)}` : 'none');
const text = (node: YNode | undefined) => (node?.kind === 'scalar' ? node.value : undefined);

describe('YAML layer', () => {
  test('an aliased value keeps the position of its anchor', () => {
    const doc = model('.img: &img alpine:3.20\nbuild:\n  image: *img\n  script: make\n');
    const build = doc.job('build')!;
    expect(build.image?.name?.value).toBe('alpine:3.20');
    expect(at(build.image?.name)).toBe('.gitlab-ci.yml@1:12');
  });

  test('`<<` merges keep their source positions; keys written in the map win; the first merged map wins', () => {
    const code = [
      '.a: &a',
      '  image: a',
      '  tags: [from-a]',
      '.b: &b',
      '  image: b',
      '  stage: build',
      'job:',
      '  <<: [*a, *b]',
      '  tags: [own]',
      '  script: make',
      '',
    ].join('\n');
    const job = model(code).job('job')!;
    expect(text(job.get('image'))).toBe('a');
    expect(at(job.get('image'))).toBe('.gitlab-ci.yml@2:10');
    expect(job.stage).toBe('build');
    expect(at(job.stageNode)).toBe('.gitlab-ci.yml@6:10');
    expect(job.tags.map((t) => t.value)).toEqual(['own']);
    expect(job.resolved.pairs.find((p) => keyName(p.key) === 'image')!.merged).toBe(true);
  });

  test('YAML 1.1 as GitLab reads it: yes/on are booleans, y/n and a lone dot are strings, 1:30 is 90', () => {
    const doc = model('job:\n  script: make\n  interruptible: yes\n  variables:\n    A: y\n    B: n\n    C: .\n    D: 1:30\n');
    const vars = Object.fromEntries(doc.job('job')!.variables.map((v) => [v.name, v.value?.value]));
    expect(doc.job('job')!.interruptible?.value).toBe(true);
    expect(vars).toEqual({ A: 'y', B: 'n', C: '.', D: 90 });
  });

  test('duplicate keys are kept as data: the last one wins, as in GitLab', () => {
    const doc = model('job:\n  script: one\njob:\n  script: two\n');
    expect(doc.job('job')!.script.map((l) => l.text)).toEqual(['two']);
    expect(doc.duplicates).toHaveLength(1);
    expect(pos(doc.file.text, doc.duplicates[0]!.first.key.span.start)).toBe('1:1');
    expect(pos(doc.file.text, doc.duplicates[0]!.second.key.span.start)).toBe('3:1');
  });

  test('invalid YAML is one parse problem at its exact position', () => {
    const result = buildModel({ path: '.gitlab-ci.yml', text: 'job:\n  script: [a, b\n', kind: 'gitlab-ci' }, memoryEnv({}));
    expect(result.doc).toBeUndefined();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.message).toMatch(/^invalid YAML: /);
    expect(result.problems[0]!.span!.start).toBeGreaterThan(0);
  });

  test('an HTML page saved as .gitlab-ci.yml is named as such', () => {
    const result = buildModel({ path: '.gitlab-ci.yml', text: '<!DOCTYPE html>\n<html class="x">\n<head prefix="og: http://ogp.me/ns#">\n', kind: 'gitlab-ci' }, memoryEnv({}));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.message).toMatch(/^invalid YAML: .*\(the file is an HTML or XML page, not YAML/);
  });

  test('an alias bomb is refused with a clear problem, quickly', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const started = Date.now();
    const result = buildModel({ path: '.gitlab-ci.yml', text: lines.join('\n') + '\n', kind: 'gitlab-ci' }, memoryEnv({}));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.doc).toBeUndefined();
    expect(result.problems[0]!.message).toMatch(/alias bomb/);
  });

  test('a file that is simply larger than the value limit says so, not "alias bomb"', () => {
    const text = `.values: [${Array(1_000_100).fill('1').join(',')}]\n`;
    const result = buildModel({ path: '.gitlab-ci.yml', text, kind: 'gitlab-ci' }, memoryEnv({}));
    expect(result.doc).toBeUndefined();
    expect(result.problems[0]!.message).toMatch(/holds more than 1,000,000 YAML values/);
    expect(result.problems[0]!.message).not.toMatch(/alias bomb/);
  });

  test('absurd nesting does not crash', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const result = buildModel({ path: '.gitlab-ci.yml', text: `job: ${deep}\n`, kind: 'gitlab-ci' }, memoryEnv({}));
    expect(result.problems.length + (result.doc ? 1 : 0)).toBeGreaterThan(0);
  });

  test('an empty file is an empty configuration', () => {
    const doc = model('');
    expect(doc.jobs).toEqual([]);
    expect(doc.stages.names).toEqual(['.pre', 'build', 'test', 'deploy', '.post']);
  });
});

describe('jobs, stages and defaults', () => {
  test('hidden jobs are templates, not jobs; stage defaults to test', () => {
    const doc = model('.tmpl:\n  script: make\njob:\n  extends: .tmpl\n');
    expect(doc.jobs.map((j) => j.name)).toEqual(['job']);
    expect(doc.hiddenJobs.map((j) => j.name)).toEqual(['.tmpl']);
    expect(doc.job('job')!.stage).toBe('test');
    expect(doc.job('job')!.stageNode).toBeUndefined();
  });

  test('declared stages get .pre and .post; nested lists are flattened', () => {
    const doc = model('stages:\n  - lint\n  - [build, test]\n  - deploy\n');
    expect(doc.stages.names).toEqual(['.pre', 'lint', 'build', 'test', 'deploy', '.post']);
    expect(doc.stages.declared!.map((s) => s.value)).toEqual(['lint', 'build', 'test', 'deploy']);
  });

  test('default: keywords are inherited with their origin; inherit:default false or a list limits them', () => {
    const code = [
      'default:',
      '  image: ruby:3.3',
      '  before_script: [bundle install]',
      '  tags: [docker]',
      'a:',
      '  script: rake',
      'b:',
      '  inherit:',
      '    default: false',
      '  script: rake',
      'c:',
      '  inherit:',
      '    default: [tags]',
      '  image: alpine',
      '  script: rake',
      '',
    ].join('\n');
    const doc = model(code);
    const a = doc.job('a')!;
    expect(a.image?.name?.value).toBe('ruby:3.3');
    expect(a.origin('image')).toBe('default');
    expect(a.beforeScript.map((l) => [l.text, l.origin])).toEqual([['bundle install', 'default']]);
    expect(at(a.beforeScript[0]!.node)).toBe('.gitlab-ci.yml@3:19');
    expect(doc.job('b')!.image).toBeUndefined();
    expect(doc.job('b')!.tags).toEqual([]);
    const c = doc.job('c')!;
    expect(c.tags.map((t) => t.value)).toEqual(['docker']);
    expect(c.image?.name?.value).toBe('alpine');
    expect(c.origin('image')).toBe('job');
    expect(c.beforeScript).toEqual([]);
  });

  test('the deprecated global image/before_script act as defaults (origin global)', () => {
    const doc = model('image: node:22\nbefore_script: npm ci\njob:\n  script: npm test\n');
    const job = doc.job('job')!;
    expect(job.image?.name?.value).toBe('node:22');
    expect(job.origin('image')).toBe('global');
    expect(job.beforeScript.map((l) => l.text)).toEqual(['npm ci']);
  });

  test('global variables reach jobs unless inherit:variables says otherwise', () => {
    const doc = model('variables:\n  A: "1"\n  B: "2"\nx:\n  script: env\ny:\n  inherit:\n    variables: [B]\n  script: env\n');
    expect(doc.variables.map((v) => v.name)).toEqual(['A', 'B']);
    expect(doc.job('x')!.inheritsVariable('A')).toBe(true);
    expect(doc.job('y')!.inheritsVariable('A')).toBe(false);
    expect(doc.job('y')!.inheritsVariable('B')).toBe(true);
  });

  test('script lines: strings, lists, nested lists and block scalars, each with its own position', () => {
    const code = ['job:', '  script:', '    - echo one', '    - [echo two, echo three]', '    - |', '      echo four', '      echo five', ''].join('\n');
    const lines = model(code).job('job')!.script;
    expect(lines.map((l) => l.text)).toEqual(['echo one', 'echo two', 'echo three', 'echo four\necho five\n']);
    expect(lines.map((l) => pos(code, l.span.start))).toEqual(['3:7', '4:8', '4:18', '5:7']);
    expect(lines.every((l) => l.keyword === 'script' && l.origin === 'job')).toBe(true);
  });

  test('typed fields: needs, rules with parsed if, parallel matrix size, variables with expand', () => {
    const code = [
      'build:',
      '  script: make',
      'test:',
      '  script: make test',
      '  needs: [build, {job: lint, optional: true, artifacts: false}, {pipeline: $PARENT, job: gen}]',
      '  rules:',
      '    - if: $CI_COMMIT_TAG && $X == "1"',
      '      when: manual',
      '  parallel:',
      '    matrix:',
      '      - A: [1, 2, 3]',
      '        B: [x, y]',
      '      - A: 9',
      '  variables:',
      '    RAW: {value: "$HOME", expand: false}',
      '',
    ].join('\n');
    const job = model(code).job('test')!;
    expect(job.needs!.map((n) => [n.kind, n.job?.value, n.optional, n.artifacts])).toEqual([
      ['job', 'build', false, true],
      ['job', 'lint', true, false],
      ['pipeline', 'gen', false, true],
    ]);
    expect(job.rules![0]!.ifExpression?.type).toBe('logical');
    expect(job.rules![0]!.when?.value).toBe('manual');
    expect(job.parallel!.jobCount).toBe(7);
    expect(job.variables[0]).toMatchObject({ name: 'RAW', text: '$HOME', expand: false });
  });
});

describe('extends', () => {
  test('multi-level and list extends merge deeply in order; the job wins; values keep their positions', () => {
    const code = [
      '.base:',
      '  image: alpine',
      '  variables: {A: base, B: base}',
      '  tags: [base]',
      '.mid:',
      '  extends: .base',
      '  variables: {B: mid}',
      '.other:',
      '  tags: [other]',
      '  variables: {C: other}',
      'job:',
      '  extends: [.mid, .other]',
      '  variables: {C: job}',
      '  script: make',
      '',
    ].join('\n');
    const job = model(code).job('job')!;
    const vars = Object.fromEntries(job.variables.map((v) => [v.name, `${v.text}@${pos(code, v.value!.span.start)}`]));
    expect(vars).toEqual({ A: 'base@3:18', B: 'mid@7:18', C: 'job@13:18' });
    expect(job.tags.map((t) => t.value)).toEqual(['other']);
    expect(job.image?.name?.value).toBe('alpine');
    expect(job.origin('image')).toBe('extends');
    expect(job.ancestors).toEqual(['.mid', '.base', '.other']);
    expect(job.incomplete).toBe(false);
  });

  test('a cycle is one problem with the whole cycle, and the jobs are marked incomplete', () => {
    const doc = model('.a:\n  extends: .b\n.b:\n  extends: .a\njob:\n  extends: .a\n  script: make\n');
    const cycles = doc.problems.filter((p) => p.kind === 'extends-cycle');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.message).toMatch(/`\.a` → `\.b` → `\.a`|`\.b` → `\.a` → `\.b`/);
    expect(doc.job('job')!.incomplete).toBe(true);
  });

  test('an unknown target is a problem at the name, with a suggestion', () => {
    const code = '.tests:\n  script: make\njob:\n  extends: .test\n';
    const doc = model(code);
    const unknown = doc.problems.find((p) => p.kind === 'extends-unknown')!;
    expect(pos(code, unknown.span.start)).toBe('4:12');
    expect(unknown.message).toBe('job `job` extends `.test`, which is not defined; did you mean `.tests`?');
  });
});

describe('!reference', () => {
  test('resolves after extends; a referenced list is spliced into the list; positions stay at the target', () => {
    const code = [
      '.setup:',
      '  script:',
      '    - echo setup1',
      '    - echo setup2',
      '.child:',
      '  extends: .setup',
      'job:',
      '  script:',
      '    - !reference [.child, script]',
      '    - echo own',
      '',
    ].join('\n');
    const lines = model(code).job('job')!.script;
    expect(lines.map((l) => `${l.text}@${pos(code, l.span.start)}`)).toEqual(['echo setup1@3:7', 'echo setup2@4:7', 'echo own@10:7']);
  });

  test('nested references resolve; unknown ones are problems and stay unresolved', () => {
    const code = [
      '.vars:',
      '  variables:',
      '    A: "1"',
      '.more:',
      '  variables: !reference [.vars, variables]',
      'job:',
      '  variables: !reference [.more, variables]',
      '  script:',
      '    - !reference [.vars, script]',
      '',
    ].join('\n');
    const doc = model(code);
    expect(doc.job('job')!.variables.map((v) => v.name)).toEqual(['A']);
    const problem = doc.problems.find((p) => p.kind === 'reference-unknown')!;
    expect(pos(code, problem.span.start)).toBe('9:7');
    expect(problem.message).toContain('`.vars` has no key `script` (it has `variables`)');
  });
});

describe('include: local', () => {
  test('included jobs and templates are merged, positioned in the included file; the including file wins', () => {
    const files = {
      'ci/templates.yml': '.build:\n  image: golang:1.23\n  script: go build\nshared:\n  stage: build\n  script: from-include\n',
    };
    const code = 'include:\n  - local: /ci/templates.yml\nbuild:\n  extends: .build\nshared:\n  script: from-main\n';
    const doc = model(code, files);
    expect(doc.complete).toBe(true);
    expect(doc.includes.map((i) => [i.kind, i.status, i.file?.path])).toEqual([['local', 'resolved', 'ci/templates.yml']]);
    const build = doc.job('build')!;
    expect(at(build.image!.name)).toBe('ci/templates.yml@2:10');
    const shared = doc.job('shared')!;
    expect(shared.script.map((l) => l.text)).toEqual(['from-main']);
    expect(at(shared.stageNode)).toBe('ci/templates.yml@5:10');
    expect(shared.definitions.map((d) => d.file.path)).toEqual(['ci/templates.yml', '.gitlab-ci.yml']);
  });

  test('nested includes are relative to the repository root; a file included twice is read once', () => {
    const files = {
      'ci/a.yml': 'include: ci/b.yml\na:\n  script: a\n',
      'ci/b.yml': 'include: ci/a.yml\nb:\n  script: b\n',
    };
    const doc = model('include: [ci/a.yml, ci/b.yml]\n', files);
    expect(doc.jobs.map((j) => j.name).sort()).toEqual(['a', 'b']);
    expect(doc.sources.map((s) => s.file.path)).toEqual(['.gitlab-ci.yml', 'ci/a.yml', 'ci/b.yml']);
  });

  test('other include kinds and missing files make the model incomplete', () => {
    const doc = model('include:\n  - template: Security/SAST.gitlab-ci.yml\n  - local: missing.yml\n  - local: "ci/*.yml"\n');
    expect(doc.includes.map((i) => [i.kind, i.status])).toEqual([
      ['template', 'not-checked'],
      ['local', 'missing'],
      ['local', 'not-checked'],
    ]);
    expect(doc.complete).toBe(false);
  });

  test('a syntax error in an included file is a parse problem in that file; the rest is still read', () => {
    const result = buildModel(
      { path: '.gitlab-ci.yml', text: 'include: bad.yml\njob:\n  script: make\n', kind: 'gitlab-ci' },
      memoryEnv({ 'bad.yml': 'x: [\n' }),
    );
    expect(result.doc!.jobs.map((j) => j.name)).toEqual(['job']);
    expect(result.problems.map((p) => p.file?.path)).toEqual(['bad.yml']);
  });

  test('files other than .gitlab-ci.yml may be included elsewhere: not complete', () => {
    expect(model('job:\n  script: make\n', {}, 'ci/jobs.gitlab-ci.yml').complete).toBe(false);
    expect(model('job:\n  script: make\n', {}, 'sub/.gitlab-ci.yml').complete).toBe(true);
  });
});

describe('component header', () => {
  test('the spec: header document is kept apart from the configuration', () => {
    const doc = model('spec:\n  inputs:\n    stage:\n      default: test\n---\njob:\n  stage: $[[ inputs.stage ]]\n  script: make\n');
    expect(isMap(doc.header)).toBe(true);
    expect(isMap(getIn(doc.header, 'spec'))).toBe(true);
    expect(doc.jobs.map((j) => j.name)).toEqual(['job']);
    expect((doc.job('job')!.stageNode as YScalar).value).toBe('$[[ inputs.stage ]]');
  });
});
