import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Assignment, Conditional, Include, MakeRule, MakefileDoc } from '../../src/lint/makefile/model.js';
import { parseMakefileText } from '../../src/lint/makefile/parse.js';
import { makefileStatementRange } from '../../src/lint/makefile/index.js';

const parse = (text: string) => parseMakefileText(text);
const doc = (text: string): MakefileDoc => {
  const result = parse(text);
  expect(result.problems).toEqual([]);
  return result.doc;
};
const slice = (d: MakefileDoc, span: { start: number; end: number }) => d.text.slice(span.start, span.end);
const pos = (d: MakefileDoc, offset: number) => d.lines.positionAt(offset);
const rule = (d: MakefileDoc, i = 0) => d.rules[i]!;
const problemLines = (text: string) => {
  const r = parse(text);
  return r.problems.map((p) => r.doc.lines.positionAt(p.span!.start).line);
};

describe('rules', () => {
  it('reads targets, prerequisites and order-only prerequisites with positions', () => {
    const d = doc('all build: src/a.c  src/b.c | out\n\tcc -o $@ $^\n');
    const r = rule(d);
    expect(r.targets.map((t) => t.text)).toEqual(['all', 'build']);
    expect(r.prerequisites.map((t) => t.text)).toEqual(['src/a.c', 'src/b.c']);
    expect(r.orderOnly.map((t) => t.text)).toEqual(['out']);
    expect(pos(d, r.targets[1]!.span.start)).toEqual({ line: 1, column: 5 });
    expect(pos(d, r.prerequisites[1]!.span.start)).toEqual({ line: 1, column: 21 });
    expect(r.recipe).toHaveLength(1);
    expect(r.recipe[0]).toMatchObject({ line: 2, endLine: 2, text: 'cc -o $@ $^', inline: false });
    expect(pos(d, r.recipe[0]!.span.start)).toEqual({ line: 2, column: 2 });
    expect([r.startLine, r.endLine]).toEqual([1, 2]);
  });

  it('reads double-colon, grouped, pattern and static pattern rules', () => {
    const d = doc('clean::\n\trm a\n%.o: %.c\n\tcc $<\n$(OBJS): %.o: %.c\n\tcc $<\na b &: c\n\tgen\n');
    expect(rule(d, 0).doubleColon).toBe(true);
    expect(rule(d, 1).targets[0]!.text).toBe('%.o');
    expect(rule(d, 2).staticPattern?.targetPattern.text).toBe('%.o');
    expect(rule(d, 2).prerequisites.map((p) => p.text)).toEqual(['%.c']);
    expect(rule(d, 3).grouped).toBe(true);
    expect(rule(d, 3).targets.map((t) => t.text)).toEqual(['a', 'b']);
  });

  it('keeps a recipe written after `;` on the rule line, `#` included', () => {
    const d = doc('all: dep ; @echo "a # b"\n\t@echo two\n');
    const r = rule(d);
    expect(r.prerequisites.map((p) => p.text)).toEqual(['dep']);
    expect(r.recipe.map((l) => [l.text, l.inline])).toEqual([
      ['@echo "a # b"', true],
      ['@echo two', false],
    ]);
  });

  it('joins continued rule and recipe lines and keeps the recipe text as written', () => {
    const d = doc('all: a \\\n     b\n\techo 1 \\\n\t  2\n\techo 3\n');
    const r = rule(d);
    expect(r.prerequisites.map((p) => p.text)).toEqual(['a', 'b']);
    expect(r.headerEndLine).toBe(2);
    expect(r.recipe.map((l) => [l.line, l.endLine])).toEqual([
      [3, 4],
      [5, 5],
    ]);
    expect(r.recipe[0]!.text).toBe('echo 1 \\\n\t  2');
  });

  it('does not end a recipe at blank lines, comments or conditionals, but at an assignment', () => {
    const d = doc('all:\n\t@echo 1\n\n# note\nifeq (a,a)\n\t@echo 2\nendif\n\t@echo 3\nX = 1\n');
    expect(rule(d).recipe.map((l) => l.text)).toEqual(['@echo 1', '@echo 2', '@echo 3']);
    expect(rule(d).endLine).toBe(8);
  });

  it('strips comments outside references but keeps `#` inside $(…) and escaped `\\#`', () => {
    const d = doc('A = x # comment\nB = $(shell echo a#b)\nC = a\\#b\nall: ## help text\n');
    const values = d.assignments.map((a) => a.value.text);
    expect(values).toEqual(['x', '$(shell echo a#b)', 'a\\#b']);
    expect(rule(d).prerequisites).toEqual([]);
  });

  it('records comments outside recipes, with continued comment lines', () => {
    const d = doc('# one \\\n  still one\nX = 1 # two\nall: ; echo "# not a comment"\n\t# shell comment\n');
    expect(d.comments.map((c) => [c.line, c.text])).toEqual([
      [1, '# one \\\n  still one'],
      [3, '# two'],
    ]);
  });

  it('handles CRLF line endings', () => {
    const d = doc('X = 1\r\nall: dep\r\n\techo $(X)\r\n');
    expect(rule(d).recipe[0]).toMatchObject({ line: 3, text: 'echo $(X)' });
    expect(rule(d).prerequisites[0]!.text).toBe('dep');
  });
});

describe('variables', () => {
  it('reads every assignment operator with modifiers', () => {
    const d = doc('A = 1\nB := 2\nC ::= 3\nD ?= 4\nE += 5\nF != echo 6\nexport G = 7\noverride H := 8\nI:::=9\n');
    expect(d.assignments.map((a) => [a.name.text, a.op, a.value.text, a.modifiers.join(' ')])).toEqual([
      ['A', '=', '1', ''],
      ['B', ':=', '2', ''],
      ['C', '::=', '3', ''],
      ['D', '?=', '4', ''],
      ['E', '+=', '5', ''],
      ['F', '!=', 'echo 6', ''],
      ['G', '=', '7', 'export'],
      ['H', ':=', '8', 'override'],
      ['I', ':::=', '9', ''],
    ]);
    const e = d.assignments[4]!;
    expect(pos(d, e.name.span.start)).toEqual({ line: 5, column: 1 });
    expect(pos(d, e.value.span.start)).toEqual({ line: 5, column: 6 });
  });

  it('reads define … endef blocks, nested ones included, without parsing the body', () => {
    const d = doc('define RULE\n$(1):\n\techo $(1)\ndefine INNER\nx\nendef\nendef\nall:\n\techo\n');
    const a = d.assignments[0]!;
    expect(a).toMatchObject({ define: true, startLine: 1, endLine: 7 });
    expect(a.name.text).toBe('RULE');
    expect(a.value.text).toBe('$(1):\n\techo $(1)\ndefine INNER\nx\nendef');
    expect(d.rules.map((r) => r.targets[0]!.text)).toEqual(['all']);
  });

  it('reads target-specific variables as assignments, not rules', () => {
    const d = doc('test: export PYTHONPATH = src\ntest: PYTEST_ARGS := -q\ntest:\n\tpytest\n');
    expect(d.assignments.map((a) => [a.targets?.map((t) => t.text), a.name.text, a.modifiers])).toEqual([
      [['test'], 'PYTHONPATH', ['export']],
      [['test'], 'PYTEST_ARGS', []],
    ]);
    expect(d.rules).toHaveLength(1);
  });

  it('follows .RECIPEPREFIX', () => {
    const d = doc('.RECIPEPREFIX = >\nall:\n> echo hi\n');
    expect(d.recipePrefix).toBe('>');
    expect(rule(d).recipe[0]!.text).toBe(' echo hi');
  });

  it('lists variable references and function calls with the span of the name', () => {
    const d = doc('X = $(shell $(PY) -c 1) ${Y} $(Z:.c=.o) $@ $$HOME\n');
    expect(d.variableRefs.map((r) => [r.name, r.kind, slice(d, r.span)])).toEqual([
      ['shell', 'function', 'shell'],
      ['PY', 'variable', 'PY'],
      ['Y', 'variable', 'Y'],
      ['Z', 'variable', 'Z'],
      ['@', 'automatic', '@'],
    ]);
  });
});

describe('directives and conditionals', () => {
  it('reads include, -include and sinclude with file words', () => {
    const d = doc('include common.mk $(EXTRA)\n-include .env\nsinclude local.mk\n');
    const incs = d.statements.filter((s): s is Include => s.type === 'include');
    expect(incs.map((i) => [i.optional, i.files.map((f) => f.text)])).toEqual([
      [false, ['common.mk', '$(EXTRA)']],
      [true, ['.env']],
      [true, ['local.mk']],
    ]);
  });

  it('records which conditional branch each statement is in', () => {
    const d = doc('ifeq ($(OS),Windows_NT)\nA = 1\nelse ifdef X\nA = 2\nelse\nA = 3\nendif\nB = 4\n');
    const branches = d.assignments.map((a) => a.conditions.map((c) => `${c.id}:${c.branch}`).join());
    expect(branches).toEqual(['0:0', '0:1', '0:2', '']);
    const conds = d.statements.filter((s): s is Conditional => s.type === 'conditional');
    expect(conds.map((c) => [c.directive, c.argument.text])).toEqual([
      ['ifeq', '($(OS),Windows_NT)'],
      ['else', 'ifdef X'],
      ['else', ''],
      ['endif', ''],
    ]);
  });

  it('reads a tab-indented assignment inside a conditional outside any rule as an assignment', () => {
    const d = doc('X := 1\nifdef X\n\tINSTALL := uv pip sync\nendif\ninstall:\n\t$(INSTALL)\n');
    expect(d.assignments.map((a: Assignment) => a.name.text)).toEqual(['X', 'INSTALL']);
  });

  it('reads export/unexport/vpath directives and lone expansions', () => {
    const d = doc('export\nexport A B\nunexport C\nvpath %.c src:lib\n$(eval $(call RULE,x))\n');
    expect(d.statements.map((s) => s.type)).toEqual(['directive', 'directive', 'directive', 'directive', 'expansion']);
  });
});

describe('misindented recipe lines', () => {
  it('keeps a space-indented line after a rule as a recipe line marked badIndent', () => {
    const d = doc('test:\n    pytest\n  FOO=1 run\n\tok\n');
    const r = rule(d);
    expect(r.recipe.map((l) => [l.text, l.badIndent ? slice(d, l.badIndent) : null])).toEqual([
      ['pytest', '    '],
      ['FOO=1 run', '  '],
      ['ok', null],
    ]);
  });

  it('reads make syntax indented on purpose after a rule as make syntax', () => {
    const d = doc('all: dep\n  include extra.mk\n  CFLAGS += -O2\n  export PATH := bin:$(PATH)\n');
    expect(rule(d).recipe).toEqual([]);
    expect(d.assignments.map((a) => a.name.text)).toEqual(['CFLAGS', 'PATH']);
  });

  it('does not take an indented assignment after a conditional for a recipe line', () => {
    const d = doc('all: dep\nifdef CI\n  FLAGS = -q\nendif\n');
    expect(rule(d).recipe).toEqual([]);
    expect(d.assignments[0]!.name.text).toBe('FLAGS');
  });

  it('keeps indented comments inside a recipe as comments', () => {
    const d = doc('all:\n\t@echo a\n  # note\n\t@echo b\n');
    expect(rule(d).recipe.map((l) => l.text)).toEqual(['@echo a', '@echo b']);
  });
});

describe('problems', () => {
  it('reports lines make rejects, at their line', () => {
    expect(problemLines('X = 1\nthis is not make\n')).toEqual([2]);
    expect(problemLines('\techo before any rule\nall:\n')).toEqual([1]);
    expect(problemLines('ifeq (a,b)\nX = 1\n')).toEqual([1]);
    expect(problemLines('endif\nelse\n')).toEqual([1, 2]);
    expect(problemLines('define X\nbody\n')).toEqual([1]);
    expect(problemLines('endef\n')).toEqual([1]);
  });

  it('still returns a document with what it could read', () => {
    const r = parse('broken line\nall:\n\techo ok\n');
    expect(r.problems).toHaveLength(1);
    expect(r.doc.rules[0]!.recipe[0]!.text).toBe('echo ok');
  });

  it('never throws on odd input', () => {
    const pieces = ['\t', ' ', ':', '::', '=', '$(', ')', '${', '}', '#', '\\', '\n', '\r\n', 'ifeq', 'endif', 'define', 'endef', 'a', '%', ';', '|', 'include', 'else'];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 400; i++) {
      const text = Array.from({ length: rand(40) }, () => pieces[rand(pieces.length)]).join('');
      expect(() => parse(text)).not.toThrow();
    }
    expect(parse('').doc.statements).toEqual([]);
  });
});

describe('statementRange', () => {
  const d = doc('# c\nX = 1 \\\n  2\n\nall: dep\n\techo 1\n\n\techo 2\n\nB = 3\n');
  it('covers a rule with its recipe and an assignment with its continuation', () => {
    expect(makefileStatementRange(d, 1)).toEqual({ startLine: 2, endLine: 3 });
    expect(makefileStatementRange(d, 4)).toEqual({ startLine: 5, endLine: 8 });
    expect(makefileStatementRange(d, 9)).toEqual({ startLine: 10, endLine: 10 });
    expect(makefileStatementRange(d, 11)).toBeUndefined();
  });
  it('covers one recipe line when the comment sits inside the recipe', () => {
    expect(makefileStatementRange(d, 7)).toEqual({ startLine: 8, endLine: 8 });
  });
});

/** GNU make as the oracle: where make stops reading, slipway reports a problem, and nowhere else. */
const hasMake = spawnSync('make', ['--version']).status === 0;
describe.skipIf(!hasMake)('agreement with GNU make', () => {
  const cases = [
    'all:\n\t@true\n',
    'all:\n    echo spaces\n',
    '\techo first\nall:\n\t@true\n',
    'X = 1\nifeq ($(X),1)\nall:\n\t@true\nendif\n',
    'ifeq (a,b)\nall:\n\t@true\n',
    'all:\n\t@true\nendif\n',
    'define X\nall:\n',
    'all: ; @true\n',
    'include_me = 1\nall:\n\t@true\n',
    'this line is junk\nall:\n\t@true\n',
    'A := $(shell true) # c\nall:\n\t@true\n',
    'all:\n\t@true\n  # indented comment\n\t@true\n',
  ];
  it.each(cases)('%j', (text) => {
    const make = spawnSync('make', ['-n', '-f', '-', 'all'], { input: text, encoding: 'utf8' });
    const makeFails = /\*\*\*/.test(make.stderr) && !/No rule to make target/.test(make.stderr);
    const r = parse(text);
    const misindented = r.doc.rules.some((x) => x.recipe.some((l) => l.badIndent));
    expect(r.problems.length > 0 || misindented).toBe(makeFails);
  });
});

it('gives each rule a span from its first target to its last recipe line', () => {
  const d = doc('  all: x\n\techo\n');
  const r: MakeRule = rule(d);
  expect(slice(d, r.span)).toBe('all: x\n\techo');
});
