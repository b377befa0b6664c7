import { describe, expect, it } from 'vitest';
import { findMakeTarget, listMakeTargets, makefileSupport, targetListIsComplete } from '../../src/lint/makefile/index.js';
import type { MakefileDoc } from '../../src/lint/makefile/model.js';
import { parseWith } from './harness.js';

const load = (code: string, files: Record<string, string> = {}, filename = 'Makefile'): MakefileDoc => {
  const { doc } = parseWith(makefileSupport, { code, files, filename });
  return doc!;
};

describe('listMakeTargets', () => {
  const doc = load('DIR = out\n.PHONY: test\ntest: lint\ntest:\n\tpytest\n$(DIR)/x.txt:\n\ttouch $@\n%.o: %.c\n\tcc $<\n');

  it('lists each target once at its first definition, with 1-based positions', () => {
    expect(listMakeTargets(doc).map((t) => [t.name, t.line, t.column, t.endColumn, t.phony, t.hasRecipe, t.pattern, t.special])).toEqual([
      ['.PHONY', 2, 1, 7, false, false, false, true],
      ['test', 3, 1, 5, true, true, false, false],
      ['out/x.txt', 6, 1, 13, false, true, false, false],
      ['%.o', 8, 1, 4, false, true, true, false],
    ]);
  });

  it('includes targets of readable included files, with the file they are in', () => {
    const withInclude = load('include mk/rules.mk\n', { 'docs/mk/rules.mk': '\nhtml:\n\tsphinx-build . _build\n' }, 'docs/Makefile');
    expect(listMakeTargets(withInclude).map((t) => [t.name, t.file, t.line])).toEqual([['html', 'docs/mk/rules.mk', 2]]);
    expect(targetListIsComplete(withInclude)).toBe(true);
  });
});

describe('findMakeTarget', () => {
  it('finds explicit targets first, then pattern rules with a recipe', () => {
    const sphinx = load('.PHONY: help\nhelp:\n\t@sphinx-build -M help . _build\n%: Makefile\n\t@sphinx-build -M $@ . _build\n');
    expect(findMakeTarget(sphinx, 'help')?.via).toBe('explicit');
    expect(findMakeTarget(sphinx, 'html')).toMatchObject({ via: 'pattern', target: { name: '%' } });
    const plain = load('test:\n\tpytest\n%.o: %.c\n\tcc $<\n');
    expect(findMakeTarget(plain, 'tset')).toBeUndefined();
    expect(findMakeTarget(plain, 'main.o')?.via).toBe('pattern');
    expect(findMakeTarget(plain, '.o')).toBeUndefined();
  });
});

describe('targetListIsComplete', () => {
  it('is false when an include cannot be read, targets come from $(eval) or a name cannot be expanded', () => {
    expect(targetListIsComplete(load('test:\n\tpytest\n'))).toBe(true);
    expect(targetListIsComplete(load('-include .env\ntest:\n\tpytest\n'))).toBe(false);
    expect(targetListIsComplete(load('$(foreach t,a b,$(eval $(t): ; echo))\n'))).toBe(false);
    expect(targetListIsComplete(load('$(shell echo x):\n\techo\n'))).toBe(false);
  });
});
