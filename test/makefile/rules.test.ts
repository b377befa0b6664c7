import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/lint/engine/types.js';
import { makefileSupport } from '../../src/lint/makefile/index.js';
import type { MakefileDoc } from '../../src/lint/makefile/model.js';
import { exampleCases, fixAll, run, type RunInput } from './harness.js';

const byId = (id: string): Rule<MakefileDoc> => {
  const rule = makefileSupport.rules.find((r) => r.meta.id === `makefile/${id}`);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
};
const lint = (id: string, code: string, extra: Omit<RunInput, 'code'> = {}) => run(makefileSupport, { code, ...extra }, [byId(id)]);
const at = (id: string, code: string, extra: Omit<RunInput, 'code'> = {}) =>
  lint(id, code, extra).map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);

describe('makefile rule registry', () => {
  it('lists every rule once, sorted by id, with complete metadata', () => {
    const ids = makefileSupport.rules.map((r) => r.meta.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const { meta } of makefileSupport.rules) {
      expect(meta.id).toMatch(/^makefile\/[a-z]+(-[a-z]+)*$/);
      expect(meta.kind).toBe('makefile');
      expect(meta.examples.bad.length).toBeGreaterThanOrEqual(2);
      expect(meta.examples.good.length).toBeGreaterThanOrEqual(2);
      for (const text of [meta.description, meta.rationale, meta.howToFix]) expect(text.length).toBeGreaterThan(20);
    }
  });
});

describe.each(makefileSupport.rules.map((r) => [r.meta.id, r] as const))('%s examples', (_id, rule) => {
  it.each(exampleCases(rule))('$name', ({ example, bad }) => {
    const input = { code: example.code, files: example.files, filename: example.filename, options: example.options };
    const found = run(makefileSupport, input, [rule]);
    if (!bad) {
      expect(found).toEqual([]);
      return;
    }
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(f.line).toBeGreaterThanOrEqual(1);
    const fixed = fixAll(makefileSupport, input, [rule]);
    expect(fixed).toBe(example.output ?? example.code);
    if (example.output !== undefined) {
      expect(rule.meta.fixable).toBe(true);
      expect(makefileSupport.parse({ path: 'Makefile', text: fixed, kind: 'makefile' }, { root: '/', readFile: () => undefined }).problems).toEqual([]);
      expect(run(makefileSupport, { ...input, code: fixed }, [rule])).toEqual([]);
    }
  });
});

describe('all makefile rules on odd input', () => {
  it('never throw', () => {
    const pieces = ['\t', '    ', 'all', 'test', ':', '::', '=', '$(', ')', '$@', '#', '\\', '\n', '.PHONY', 'ifeq', 'else', 'endif', 'define', 'endef', 'include x', '%', ';', '|', 'make', 'cd', '&&'];
    let seed = 3;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 300; i++) {
      const code = Array.from({ length: rand(40) }, () => pieces[rand(pieces.length)]).join('');
      expect(() => run(makefileSupport, { code })).not.toThrow();
    }
  });
});

describe('makefile/recipe-space-indent', () => {
  it('points at the indentation and says what make does instead', () => {
    const found = lint('recipe-space-indent', 'test:\n    pytest\n\tok\n  X=1 cmd\n  a: b\n');
    expect(found.map((f) => [`${f.line}:${f.column}-${f.endColumn}`, f.message])).toEqual([
      ['2:1-5', 'recipe line starts with 4 spaces; make needs a tab here (make stops with "missing separator")'],
      ['4:1-3', 'recipe line starts with 2 spaces; make needs a tab here (make reads it as a variable assignment and never runs it)'],
      ['5:1-3', 'recipe line starts with 2 spaces; make needs a tab here (make reads it as a new rule and never runs it)'],
    ]);
  });
  it('describes mixed indentation and fixes it to one tab', () => {
    const found = lint('recipe-space-indent', 'all:\n  \techo\n');
    expect(found[0]!.message).toContain('starts with 2 spaces and 1 tab');
    expect(fixAll(makefileSupport, { code: 'all:\n  \techo\n' }, [byId('recipe-space-indent')])).toBe('all:\n\techo\n');
  });
  it('is quiet about indented lines outside recipes', () => {
    expect(lint('recipe-space-indent', 'X = 1 \\\n    2\nifdef X\n  Y = 1\nendif\n')).toEqual([]);
  });
});

describe('makefile/missing-phony', () => {
  const check = (code: string, files: Record<string, string> = {}) =>
    lint('missing-phony', code, { files }).map((f) => f.message.match(/`([^`]+)`/)![1]);

  it('reports verb targets even when the recipe mentions the name', () => {
    expect(check('test:\n\tpytest test\nclean:\n\trm -rf dist\n')).toEqual(['test', 'clean']);
  });
  it('reports an aggregate verb target without a recipe, not an empty FORCE rule', () => {
    expect(check('all: build test\nFORCE:\n.PHONY: build test\nbuild:\n\tpython -m build\ntest:\n\tpytest\n')).toEqual(['all']);
  });
  it('leaves file targets alone: $@, visible creation, paths, patterns', () => {
    const code = [
      'build:\n\tmkdir -p build\n',
      'docs:\n\tsphinx-build -b html src docs\n',
      'stamp:\n\ttouch $@\n',
      'report:\n\tpytest > report\n',
      'dist/app.tar:\n\ttar cf $@ src\n',
      '%.o: %.c\n\tcc -c $<\n',
    ].join('');
    expect(check(code)).toEqual(['docs']);
  });
  it('treats a non-verb target as a task only when the recipe never mentions it and no such file exists', () => {
    expect(check('docker-build:\n\tdocker build .\n')).toEqual(['docker-build']);
    expect(check('generated:\n\t./gen.sh generated\n')).toEqual([]);
    expect(check('CHANGES:\n\t./gen.sh\n', { CHANGES: 'x' })).toEqual([]);
    expect(check('CHANGES:\n\t./gen.sh\n')).toEqual(['CHANGES']);
  });
  it('reads .PHONY lists written with variables, and gives up when it cannot expand them', () => {
    expect(check('TASKS = test lint\n.PHONY: $(TASKS)\ntest:\n\tpytest\nlint:\n\truff .\n')).toEqual([]);
    expect(check('.PHONY: $(shell ls tasks)\ntest:\n\tpytest\n')).toEqual([]);
  });
  it('counts .PHONY declared in an included file it can read', () => {
    const files = { 'common.mk': '.PHONY: test\n' };
    expect(check('include common.mk\ntest:\n\tpytest\n', files)).toEqual([]);
  });
  it('reports each target once, at its first rule, with an insertion fix above that rule', () => {
    const code = 'X = 1\ndoc html:\n\tmake -C docs\nhtml: extra\n';
    const found = lint('missing-phony', code);
    expect(found.map((f) => `${f.line}:${f.column}`)).toEqual(['2:1', '2:5']);
    expect(fixAll(makefileSupport, { code }, [byId('missing-phony')])).toBe(
      'X = 1\n.PHONY: doc html\ndoc html:\n\tmake -C docs\nhtml: extra\n',
    );
  });
});

describe('makefile/duplicate-target', () => {
  it('reports the later recipe, pointing back at the first', () => {
    const found = lint('duplicate-target', 'a:\n\techo 1\nb:\n\techo\na:\n\techo 2\n');
    expect(found.map((f) => [`${f.line}:${f.column}`, f.message])).toEqual([
      ['5:1', "target `a` already has a recipe at line 1; make keeps only this later recipe and drops the first (make: \"overriding recipe for target 'a'\")"],
    ]);
  });
  it('compares names after expanding variables', () => {
    expect(at('duplicate-target', 'OUT = out.txt\n$(OUT):\n\ta\nout.txt:\n\tb\n')).toEqual(['4:1-4:8']);
  });
  it('ignores pattern rules, special targets and rules without recipes', () => {
    expect(lint('duplicate-target', '%.o: %.c\n\ta\n%.o: %.c\n\tb\n.PHONY: a\n.PHONY: b\nx: y\nx:\n\tz\n')).toEqual([]);
  });
  it('still reports duplicates inside the same conditional branch', () => {
    expect(at('duplicate-target', 'ifdef X\na:\n\t1\na:\n\t2\nendif\n')).toEqual(['4:1-4:2']);
  });
});

describe('makefile/mixed-colon-rules', () => {
  it('reports the later rule and names both separators', () => {
    const found = lint('mixed-colon-rules', 'x::\n\ta\nx: y\n');
    expect(found.map((f) => [`${f.line}:${f.column}`, f.message])).toEqual([
      ['3:1', "target `x` uses `:` here but `::` at line 1; make stops with \"target file 'x' has both : and :: entries\""],
    ]);
  });
});

describe('makefile/phony-without-rule', () => {
  it('suggests the closest target and explains a name that came from a variable', () => {
    const found = lint('phony-without-rule', 'T = tests\n.PHONY: $(T)\ntest:\n\tpytest\n');
    expect(found.map((f) => [`${f.line}:${f.column}`, f.message])).toEqual([
      ['2:9', '`.PHONY` lists `tests` (from `$(T)`), but no rule defines it; did you mean `test`? `make tests` would do nothing. Remove it or add the rule'],
    ]);
  });
  it('is silent when an include cannot be read or targets come from $(eval)', () => {
    expect(lint('phony-without-rule', 'include other.mk\n.PHONY: x\n')).toEqual([]);
    expect(lint('phony-without-rule', '$(eval $(call MK,x))\n.PHONY: x\n')).toEqual([]);
  });
  it('finds rules in included files it can read', () => {
    expect(lint('phony-without-rule', 'include rules.mk\n.PHONY: x\n', { files: { 'rules.mk': 'x:\n\techo\n' } })).toEqual([]);
    expect(at('phony-without-rule', 'include rules.mk\n.PHONY: y\n', { files: { 'rules.mk': 'x:\n\techo\n' } })).toEqual(['2:9-2:10']);
  });
  it('accepts a target that only has target-specific variables', () => {
    expect(lint('phony-without-rule', '.PHONY: x\nx: V = 1\n')).toEqual([]);
  });
});

describe('makefile/use-make-variable', () => {
  it('finds make in command position only', () => {
    const code = 'all:\n\tcd a && make x; make y | tee log\n\tFOO=1 make z\n\techo make\n\t@echo "make q"\n\tcmake .\n\tif true; then make w; fi\n';
    expect(at('use-make-variable', code)).toEqual(['2:10-2:14', '2:18-2:22', '3:8-3:12', '7:16-7:20']);
  });
  it('does not touch $(MAKE) or make inside $(shell …) names', () => {
    expect(lint('use-make-variable', 'all:\n\t$(MAKE) -C x\n\t${MAKE} y\n\tmakeself z\n')).toEqual([]);
  });
});

describe('makefile/lost-shell-state', () => {
  it('reports state-only lines followed by another line, with the next line number', () => {
    const found = lint('lost-shell-state', 'a:\n\tcd docs\n\tmake html\n\tcd ..\nb:\n\t@export X=1\n\techo $$X\n');
    expect(found.map((f) => [`${f.line}:${f.column}`, f.message.split(':')[0]])).toEqual([
      ['2:2', '`cd docs` runs in its own shell and is lost before line 3'],
      ['6:2', '`export X=1` runs in its own shell and is lost before line 7'],
    ]);
  });
  it('accepts compound lines and bare assignments used as commands', () => {
    expect(lint('lost-shell-state', 'a:\n\tcd x && ls\n\tX=1 ./run\n\tcd y; ls\n\tls\n')).toEqual([]);
  });
  it('reports a bare shell assignment and conda activate', () => {
    expect(at('lost-shell-state', 'a:\n\tVENV=.venv\n\tconda activate dev\n\tpytest\n')).toEqual(['2:2-2:12', '3:2-3:20']);
  });
});

describe('makefile/misspelled-variable', () => {
  it('reports a reference one edit from a defined variable, at the name', () => {
    const found = lint('misspelled-variable', 'BUILDDIR = _build\nall:\n\trm -rf $(BUILDIR)\n');
    expect(found.map((f) => [`${f.line}:${f.column}-${f.endColumn}`, f.message])).toEqual([
      ['3:11-18', '`BUILDIR` is never defined and expands to nothing; did you mean `BUILDDIR`?'],
    ]);
  });
  it('ignores short names, built-ins, numbered variants and target-specific definitions', () => {
    const code = 'PY = python\nPYTHON3 = python3\nx: PYTEST_ARGS = 1\nall:\n\t$(PYTHON2) $(CURDIR) $(O) $(PYT) $(PYTEST_ARG)\n';
    expect(lint('misspelled-variable', code).map((f) => f.message.split('`')[3])).toEqual(['PYTEST_ARGS']);
  });
});
