import { describe, expect, it } from 'vitest';
import { expandNames, parseCondition } from '../../src/lint/tox/factors.js';
import { parseTox } from '../../src/lint/tox/index.js';
import { endOfLife, parsePythonVersion } from '../../src/lint/tox/python-versions.js';

const names = (text: string) => expandNames(text, 0).names.map((n) => n.name);
const issues = (text: string) => expandNames(text, 0).issues.map((i) => i.message.split(';')[0]);

describe('envlist expansion', () => {
  it.each([
    ['py312', ['py312']],
    ['py311, py312,lint', ['py311', 'py312', 'lint']],
    ['py{311,312}-django{42,50}', ['py311-django42', 'py311-django50', 'py312-django42', 'py312-django50']],
    ['{py311,pypy3}-{unit,integration}', ['py311-unit', 'py311-integration', 'pypy3-unit', 'pypy3-integration']],
    ['py3{9-11}', ['py39', 'py310', 'py311']],
    ['py3{12-10}', ['py312', 'py311', 'py310']],
    ['py3{8-9, 11, 13-14}', ['py38', 'py39', 'py311', 'py313', 'py314']],
    ['{,ci-}py312', ['py312', 'ci-py312']],
    ['py{ 311 , 312 }', ['py311', 'py312']],
    ['{3.10,3.11}-unit', ['3.10-unit', '3.11-unit']],
    [',,py312,', ['py312']],
    ['', []],
  ])('%j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('splits names into factors and points each at where it is written', () => {
    const text = 'py{38,39}-django{42,50}, {py311,pypy3}-lint, py3{9-11}';
    const at = (s: { start: number; end: number }) => text.slice(s.start, s.end);
    const got = expandNames(text, 0).names.map((n) => `${n.name}:${n.factors.map((f) => at(f.span)).join('|')}`);
    expect(got).toEqual([
      'py38-django42:38|42',
      'py38-django50:38|50',
      'py39-django42:39|42',
      'py39-django50:39|50',
      'py311-lint:py311|lint',
      'pypy3-lint:pypy3|lint',
      'py39:9-11',
      'py310:9-11',
      'py311:9-11',
    ]);
  });

  it('names what tox silently gets wrong', () => {
    expect(issues('py{311,312')).toEqual(['`{` is never closed']);
    expect(issues('py311}')).toEqual(['`}` without a matching `{`']);
    expect(issues('py{}')).toEqual(['empty `{}` group']);
    expect(issues('py311 py312')).toEqual(['`py311 py312` contains a space']);
    expect(issues('py312-')).toEqual(['env `py312-` has an empty factor (`--` or a `-` at an end)']);
    expect(issues('py{311,312}-{a, b}')).toEqual([]);
  });

  it('reads the envlist of [tox] with file positions, comments and conditions removed', () => {
    const { doc } = parseTox('[tox]\nenv_list =\n    py312  # main\n    lint, {docs,spell}\n');
    expect(doc.envs.map((e) => e.name)).toEqual(['py312', 'lint', 'docs', 'spell']);
    const docs = doc.envs[2]!.factors[0]!;
    expect(doc.lines.positionAt(docs.span.start)).toEqual({ line: 4, column: 12 });
  });
});

describe('factor conditions', () => {
  it.each([
    ['py311,py312: pytest', 'py311,py312', [['py311'], ['py312']]],
    ['!pypy3-lint: ruff', '!pypy3-lint', [['!pypy3', 'lint']]],
    ['py{311,312}-mysql: PyMySQL', 'py{311,312}-mysql', [['py311', 'mysql'], ['py312', 'mysql']]],
  ])('%j', (line, expression, alternatives) => {
    const c = parseCondition(line, 0)!;
    expect(c.expression).toBe(expression);
    expect(c.alternatives.map((a) => a.factors.map((f) => (f.negated ? '!' : '') + f.name))).toEqual(alternatives);
  });
  it.each(['http://example.org', 'PYTHONWARNINGS=error:::x', 'py312:pytest', 'C:\\path', '-r{toxinidir}/req.txt'])('not a condition: %j', (line) => {
    expect(parseCondition(line, 0)).toBeUndefined();
  });
});

describe('Python versions', () => {
  it.each([
    ['py27', 'cpython 2.7'],
    ['py2', 'cpython 2.7'],
    ['py312', 'cpython 3.12'],
    ['py3.12', 'cpython 3.12'],
    ['3.10', 'cpython 3.10'],
    ['py3', 'cpython 3.'],
    ['pypy3', 'pypy 3.'],
    ['pypy310', 'pypy 3.10'],
    ['pypy', 'pypy 2.7'],
    ['python3.8', 'cpython 3.8'],
    ['/usr/bin/python3.9', 'cpython 3.9'],
    ['py313t', 'cpython 3.13'],
    ['py', undefined],
    ['312', undefined],
    ['lint', undefined],
    ['django42', undefined],
  ])('%s', (text, expected) => {
    const v = parsePythonVersion(text);
    expect(v ? `${v.implementation} ${v.major}.${v.minor ?? ''}` : undefined).toBe(expected);
  });

  it('dates end of life from the table, not from the clock', () => {
    const eol = (t: string) => endOfLife(parsePythonVersion(t)!)?.since;
    expect(eol('py39')).toBe('2025-10-31');
    expect(eol('py310')).toBe('2026-10');
    expect(eol('py311')).toBeUndefined();
    expect(eol('pypy310')).toBe('2025-07-04');
    expect(eol('pypy311')).toBeUndefined();
    expect(eol('py3')).toBeUndefined();
  });
});
