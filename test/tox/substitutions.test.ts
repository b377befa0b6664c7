import { describe, expect, it } from 'vitest';
import { parseTox } from '../../src/lint/tox/index.js';
import { substitutionsIn } from '../../src/lint/tox/substitutions.js';

describe('substitutionsIn', () => {
  it('classifies each kind and keeps its span', () => {
    const text = 'pytest {posargs:tests} --junit={env:OUT:{toxinidir}/out.xml} {[base]opts} {tty:--color:} {/}x {env_name} \\{literal}';
    const got = substitutionsIn(text, 10).map((s) => [s.kind, s.text, s.span.start - 10, s.name ?? s.section ?? '', s.key ?? s.fallback ?? '']);
    expect(got).toEqual([
      ['posargs', '{posargs:tests}', 7, '', 'tests'],
      ['env', '{env:OUT:{toxinidir}/out.xml}', 31, 'OUT', '{toxinidir}/out.xml'],
      ['reference', '{[base]opts}', 61, 'base', 'opts'],
      ['tty', '{tty:--color:}', 74, '', ''],
      ['separator', '{/}', 89, '', ''],
      ['named', '{env_name}', 94, 'env_name', ''],
    ]);
  });
  it('stops at an unclosed brace without throwing', () => {
    expect(substitutionsIn('a {env:X', 0)).toEqual([]);
  });
  it('is not applied to settings that hold env names', () => {
    const { doc } = parseTox('[tox]\nenvlist = py{311,312}\n\n[testenv]\ndepends = {py311,py312}\ncommands = pytest {posargs}\n');
    const lines = doc.sections.flatMap((s) => s.settings.map((x) => [x.entry.name, x.lines[0]!.substitutions.map((u) => u.kind)]));
    expect(lines).toEqual([
      ['envlist', []],
      ['depends', []],
      ['commands', ['posargs']],
    ]);
  });
});
