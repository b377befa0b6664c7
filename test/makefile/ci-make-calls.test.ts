import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/index.js';
import { makeCalls } from '../../src/lint/makefile/invocation.js';

const calls = (text: string) =>
  makeCalls(text).invocations.map((c) => ({
    dir: c.directory,
    file: c.makefile,
    targets: c.targets.map((t) => `${t.name}@${t.start}`),
    uncertain: c.uncertain,
  }));

describe('makeCalls', () => {
  it('reads targets with their offsets, skipping options and overrides', () => {
    expect(calls('make -j 4 --no-print-directory test PYTEST_ARGS=-q lint')).toEqual([
      { dir: '', file: undefined, targets: ['test@31', 'lint@51'], uncertain: false },
    ]);
  });
  it('reads -C and -f in their spellings and several calls per line', () => {
    expect(calls('make -C docs html && make --directory=sub -fother.mk all; gmake -- -weird')).toEqual([
      { dir: 'docs', file: undefined, targets: ['html@13'], uncertain: false },
      { dir: 'sub', file: 'other.mk', targets: ['all@53'], uncertain: false },
      { dir: '', file: undefined, targets: ['-weird@67'], uncertain: false },
    ]);
  });
  it('finds make behind prefixes and skips expanded targets', () => {
    expect(calls('FOO=1 make "$TARGET" test; echo make x')).toEqual([
      { dir: '', file: undefined, targets: ['test@21'], uncertain: false },
    ]);
  });
  it('marks calls whose Makefile cannot be told', () => {
    expect(calls('make -C "$DIR" test')[0]!.uncertain).toBe(true);
    expect(calls('make -sC docs html')[0]!.uncertain).toBe(true);
  });
  it('stops at a change of directory', () => {
    const r = makeCalls('make a; cd docs; make b');
    expect(r.changesDirectory).toBe(true);
    expect(r.invocations.map((c) => c.targets.map((t) => t.name))).toEqual([['a']]);
  });
});

describe('project/unknown-make-target through the engine', () => {
  const lint = (ci: string, files: Record<string, string>) =>
    lintText(ci, { kind: 'project', filename: '.gitlab-ci.yml', files, only: ['project/unknown-make-target'] });

  it('reports at the target word in the CI file, with a suggestion', async () => {
    const found = await lint('test:\n  script:\n    - make lint tests\n', { Makefile: '.PHONY: lint test\nlint:\n\truff .\ntest:\n\tpytest\n' });
    expect(found.map((f) => [f.file, `${f.line}:${f.column}-${f.endColumn}`, f.message])).toEqual([
      ['.gitlab-ci.yml', '3:17-22', 'job `test` runs `make tests`, but Makefile has no target `tests`; did you mean `test`? (make: "No rule to make target")'],
    ]);
  });

  it('reports a target used by several jobs through a template once', async () => {
    const ci = '.base:\n  before_script:\n    - make setup\na:\n  extends: .base\n  script: [echo]\nb:\n  extends: .base\n  script: [echo]\n';
    const found = await lint(ci, { Makefile: 'test:\n\tpytest\n' });
    expect(found.map((f) => `${f.line}:${f.column}`)).toEqual(['3:12']);
  });

  it('is silent when the Makefile cannot be fully seen, is missing, or the target is a file', async () => {
    expect(await lint('a:\n  script: [make x]\n', { Makefile: '-include local.mk\nall:\n\techo\n' })).toEqual([]);
    expect(await lint('a:\n  script: [make x]\n', {})).toEqual([]);
    expect(await lint('a:\n  script: [make README]\n', { Makefile: 'all:\n\techo\n', README: 'text' })).toEqual([]);
  });

  it('follows -f to another Makefile', async () => {
    const found = await lint('a:\n  script:\n    - make -f ci.mk deploy\n', { 'ci.mk': 'build:\n\techo\n', Makefile: 'deploy:\n\techo\n' });
    expect(found.map((f) => f.message.split(';')[0])).toEqual(['job `a` runs `make deploy`, but ci.mk has no target `deploy` (make: "No rule to make target")']);
  });
});
