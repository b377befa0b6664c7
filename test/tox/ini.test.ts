import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseIni, type IniDoc } from '../../src/lint/tox/ini.js';
import { parseTox, toxStatementRange } from '../../src/lint/tox/index.js';

const pos = (doc: IniDoc, offset: number) => doc.lines.positionAt(offset);
const slice = (doc: IniDoc, span: { start: number; end: number }) => doc.text.slice(span.start, span.end);

describe('parseIni', () => {
  it('reads sections, keys and values with positions', () => {
    const { doc, problems } = parseIni('# top\n[tox]\nenvlist = py312 , lint\n\n[testenv:lint]\nDeps: ruff\n');
    expect(problems).toEqual([]);
    expect(doc.sections.map((s) => [s.name, s.line, slice(doc, s.nameSpan)])).toEqual([
      ['tox', 2, 'tox'],
      ['testenv:lint', 5, 'testenv:lint'],
    ]);
    const envlist = doc.sections[0]!.entries[0]!;
    expect([envlist.key, envlist.name, envlist.delimiter, envlist.value]).toEqual(['envlist', 'envlist', '=', 'py312 , lint']);
    expect(pos(doc, envlist.lines[0]!.span.start)).toEqual({ line: 3, column: 11 });
    const deps = doc.sections[1]!.entries[0]!;
    expect([deps.key, deps.name, deps.delimiter, deps.value]).toEqual(['Deps', 'deps', ':', 'ruff']);
  });

  it('continues values on deeper-indented lines, through blank and comment lines', () => {
    const { doc } = parseIni('[testenv]\ndeps =\n    pytest\n\n    # pinned\n    coverage\ncommands = pytest\n');
    const deps = doc.sections[0]!.entries[0]!;
    expect(deps.value).toBe('\npytest\n\ncoverage');
    expect(deps.lines.map((l) => [l.line, l.text])).toEqual([
      [2, ''],
      [3, 'pytest'],
      [4, ''],
      [6, 'coverage'],
    ]);
    expect([deps.line, deps.endLine]).toEqual([2, 6]);
    expect(pos(doc, deps.lines[3]!.span.start)).toEqual({ line: 6, column: 5 });
  });

  it('treats any deeper indentation as a continuation, as configparser does', () => {
    const { doc } = parseIni('[a]\nx = 1\n y = 2\nz =\n  [b]\n');
    expect(doc.sections.map((s) => s.name)).toEqual(['a']);
    expect(doc.sections[0]!.entries.map((e) => [e.key, e.value])).toEqual([
      ['x', '1\ny = 2'],
      ['z', '\n[b]'],
    ]);
  });

  it('splits at the first delimiter, `=` or `:`', () => {
    const { doc } = parseIni('[s]\nurl = http://x:1\npy312: mock\nk=v=w\n');
    expect(doc.sections[0]!.entries.map((e) => [e.key, e.delimiter, e.value])).toEqual([
      ['url', '=', 'http://x:1'],
      ['py312', ':', 'mock'],
      ['k', '=', 'v=w'],
    ]);
  });

  it('reports what configparser refuses, at the offending line', () => {
    const problems = (text: string) => {
      const r = parseIni(text);
      return r.problems.map((p) => `${pos(r.doc, p.span!.start).line}: ${p.message.split(';')[0]}`);
    };
    expect(problems('envlist = py312\n[tox]\n')).toEqual(['1: text before the first [section] header']);
    expect(problems('[tox]\njust words\n')).toEqual(['2: `just words` is neither a [section], a `key = value` line, a comment nor an indented continuation']);
    expect(problems('[tox]\n[testenv\n')).toEqual(['2: section header `[testenv` has no closing `]`']);
    expect(problems('[tox]\n= value\n')).toEqual(['2: `= value` has no key before its `=`/`:`']);
    expect(problems('[a]\nx = 1\n[a]\ny = 2\n')).toEqual(['3: section [a] already appears at line 1']);
  });

  it('never throws on odd input', () => {
    const pieces = ['[', ']', '=', ':', '#', ';', ' ', '\t', '\n', '\r\n', 'a', '{', '}', ',', '-', 'tox', 'testenv'];
    let seed = 11;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 400; i++) {
      const text = Array.from({ length: rand(50) }, () => pieces[rand(pieces.length)]).join('');
      expect(() => parseTox(text)).not.toThrow();
    }
  });
});

describe('toxStatementRange', () => {
  const { doc } = parseTox('[tox]\n# note\nenvlist =\n    py312\n    lint\n\n[testenv]\ndeps = pytest\n');
  it('covers a key with its continuation lines, or a section header', () => {
    expect(toxStatementRange(doc, 2)).toEqual({ startLine: 3, endLine: 5 });
    expect(toxStatementRange(doc, 6)).toEqual({ startLine: 7, endLine: 7 });
    expect(toxStatementRange(doc, 8)).toEqual({ startLine: 8, endLine: 8 });
    expect(toxStatementRange(doc, 9)).toBeUndefined();
  });
});

/** Python's configparser as the oracle: same sections, keys and values, same verdict on errors. */
const python = spawnSync('python3', ['--version']).status === 0 ? 'python3' : undefined;
describe.skipIf(!python)('agreement with configparser', () => {
  const script = [
    'import configparser, json, sys',
    'p = configparser.ConfigParser(interpolation=None)',
    'try:',
    '    p.read_string(sys.stdin.read())',
    '    print(json.dumps({s: dict(p[s]) for s in p.sections()}))',
    'except configparser.Error as e:',
    '    print(json.dumps({"error": type(e).__name__}))',
  ].join('\n');
  const cases = [
    '[tox]\nenvlist = py{311,312}\n    lint\n\n[testenv]\ndeps =\n    pytest\n\n    # c\n    cov\ncommands = pytest {posargs}\n',
    '[a]\nx = 1\n  y = 2\n\n\n  z\nk : v : w\n[b]\n  indented = key\n',
    '[a]\nKey = 1\nkey = 2\n',
    '[a]\nx = 1\n[a]\n',
    'x = 1\n',
    '[a]\nno delimiter\n',
    '[a]\n\tx = tab\n\t\tcontinued\n; semicolon comment\ny =\n',
    '[a]\r\nx = 1\r\n  2\r\n',
  ];
  it.each(cases)('%j', (text) => {
    const oracle = JSON.parse(spawnSync(python!, ['-c', script], { input: text, encoding: 'utf8' }).stdout) as Record<string, unknown>;
    const { doc, problems } = parseIni(text);
    const duplicateKey = doc.sections.some((s) => new Set(s.entries.map((e) => e.name)).size !== s.entries.length);
    if ('error' in oracle) {
      expect(problems.length > 0 || duplicateKey).toBe(true);
      return;
    }
    expect(problems).toEqual([]);
    const mine = Object.fromEntries(doc.sections.map((s) => [s.name, Object.fromEntries(s.entries.map((e) => [e.name, e.value]))]));
    expect(mine).toEqual(oracle);
  });
});
