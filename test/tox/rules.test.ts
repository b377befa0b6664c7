import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/lint/engine/types.js';
import { toxSupport } from '../../src/lint/tox/index.js';
import type { ToxDoc } from '../../src/lint/tox/model.js';
import { exampleCases, fixAll, run } from '../makefile/harness.js';

const byId = (id: string): Rule<ToxDoc> => {
  const rule = toxSupport.rules.find((r) => r.meta.id === `tox/${id}`);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
};
const lint = (id: string, code: string) => run(toxSupport, { code }, [byId(id)]);
const at = (id: string, code: string) => lint(id, code).map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);
const messages = (id: string, code: string) => lint(id, code).map((f) => f.message);

describe('tox rule registry', () => {
  it('lists every rule once, sorted by id, with complete metadata', () => {
    const ids = toxSupport.rules.map((r) => r.meta.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const { meta } of toxSupport.rules) {
      expect(meta.id).toMatch(/^tox\/[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(meta.kind).toBe('tox');
      expect(meta.examples.bad.length).toBeGreaterThanOrEqual(2);
      expect(meta.examples.good.length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe.each(toxSupport.rules.map((r) => [r.meta.id, r] as const))('%s examples', (_id, rule) => {
  it.each(exampleCases(rule))('$name', ({ example, bad }) => {
    const input = { code: example.code };
    const found = run(toxSupport, input, [rule]);
    if (!bad) {
      expect(found).toEqual([]);
      return;
    }
    expect(found.length).toBeGreaterThan(0);
    const fixed = fixAll(toxSupport, input, [rule]);
    expect(fixed).toBe(example.output ?? example.code);
    if (example.output !== undefined) {
      expect(toxSupport.parse({ path: 'tox.ini', text: fixed, kind: 'tox' }, { root: '/', readFile: () => undefined }).problems).toEqual([]);
      expect(run(toxSupport, { code: fixed }, [rule])).toEqual([]);
    }
  });
});

describe('all tox rules on odd input', () => {
  it('never throw', () => {
    const pieces = ['[tox]', '[testenv]', '[testenv:a-{b,c}]', '\n', '  ', 'envlist', 'deps', 'passenv', 'commands', ' = ', ':', 'py38', '{', '}', ',', '-', '#', '\\#', '{[testenv]deps}', 'pip install .', 'whitelist_externals'];
    let seed = 5;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 300; i++) {
      const code = Array.from({ length: rand(40) }, () => pieces[rand(pieces.length)]).join('');
      expect(() => run(toxSupport, { code })).not.toThrow();
    }
  });
});

describe('tox/eol-python', () => {
  it('reports each written occurrence once, at the version, with its date', () => {
    const code = '[tox]\nenvlist = py{38,312}-django{42,50}, pypy310\n';
    expect(at('eol-python', code)).toEqual(['2:14-2:16', '2:37-2:44']);
    expect(messages('eol-python', code)[0]).toBe(
      '`py38` in envlist is Python 3.8, end of life since 2024-10-07: no more security fixes; drop it or move to a supported Python',
    );
  });
  it('reads conditional basepython lines and ignores bare interpreters', () => {
    const code = '[testenv]\nbasepython =\n    py27: python2.7\n    python3\n';
    expect(at('eol-python', code)).toEqual(['3:11-3:20']);
  });
});

describe('tox/factor-without-effect', () => {
  it('suggests the condition the factor was probably meant for', () => {
    const code = '[tox]\nenvlist = py312-djagno42\n\n[testenv]\ndeps = django42: Django<5\n';
    expect(messages('factor-without-effect', code)).toEqual([
      'factor `djagno42` of env `py312-djagno42` changes nothing: no setting has a `djagno42:` condition and there is no `[testenv:py312-djagno42]` section, so the env runs plain `[testenv]`; did you mean `django42`?',
    ]);
  });
  it('explains that [testenv:lint] does not apply to py312-lint', () => {
    const code = '[tox]\nenvlist = py312-lint\n\n[testenv:lint]\ncommands = ruff .\n';
    expect(messages('factor-without-effect', code)[0]).toContain('(`[testenv:lint]` applies only to the env named exactly `lint`)');
  });
  it('accepts generative sections, negated conditions and Python-only envs', () => {
    const code = '[tox]\nenvlist = py{311,312}, lint, docs, py312-cov\n\n[testenv]\ncommands =\n    !cov: pytest\n\n[testenv:{lint,docs}]\ncommands = x\n';
    expect(lint('factor-without-effect', code)).toEqual([]);
  });
  it('leaves envs without a Python factor alone when a plugin may define them', () => {
    const code = '[tox]\nrequires = sphinx-scrapy[tox]\nenvlist = docs, py312-extra\n';
    expect(at('factor-without-effect', code)).toEqual(['3:23-3:28']);
  });
});

describe('tox/malformed-envlist', () => {
  it('points at the unclosed brace', () => {
    expect(at('malformed-envlist', '[tox]\nenvlist = lint, py{311,312\n')).toEqual(['2:19-2:27']);
  });
});

describe('tox/duplicate-key', () => {
  it('compares keys case-insensitively and names the first line', () => {
    const found = lint('duplicate-key', '[testenv]\ndeps = a\nDEPS = b\n');
    expect(found.map((f) => [`${f.line}:${f.column}-${f.endColumn}`, f.message.split(';')[0]])).toEqual([
      ['3:1-5', 'key `DEPS` already set in [testenv] at line 2'],
    ]);
  });
});

describe('tox/removed-key', () => {
  it('does not offer a rename when allowlist_externals is already there', () => {
    const code = '[testenv]\nallowlist_externals = bash\nwhitelist_externals = make\n';
    const found = lint('removed-key', code);
    expect(found.map((f) => [f.line, f.fix])).toEqual([[3, undefined]]);
    expect(found[0]!.message).toContain('merge it into the `allowlist_externals` already in this section');
  });
  it('reports tox-3-only keys when tox 4 is required through requires', () => {
    expect(at('removed-key', '[tox]\nrequires = tox>=4.2\ndistshare = x\n')).toEqual(['3:1-3:10']);
    expect(lint('removed-key', '[tox]\nrequires = tox-gh-actions\ndistshare = x\n')).toEqual([]);
  });
  it('ignores the same keys in sections tox does not read', () => {
    expect(lint('removed-key', '[mytool]\nwhitelist_externals = x\n')).toEqual([]);
  });
});

describe('tox/pip-install-in-commands', () => {
  it('points at `pip install` in commands and tailors the advice', () => {
    const code = '[testenv]\ncommands =\n    pip install -r req.txt\n    py312: {envpython} -m pip install -e .[test]\n    pytest\n';
    const found = lint('pip-install-in-commands', code);
    expect(found.map((f) => `${f.line}:${f.column}-${f.endColumn}`)).toEqual(['3:5-16', '4:27-38']);
    expect(found.map((f) => f.message.split('; ')[1])).toEqual(['put `-r <file>` in `deps` instead', 'tox already installs the project']);
  });
  it('leaves deliberate reinstalls, installer upgrades and install_command alone', () => {
    const code = [
      '[testenv]',
      'install_command = python -m pip install {opts} {packages}',
      'commands_pre =',
      '    python -m pip install -U pip setuptools',
      '    pip install --force-reinstall --find-links dist pkg',
      'commands = pytest',
      '',
      '[testenv:black]',
      'skip_install = true',
      'commands = pip install -e .[d]',
    ].join('\n');
    expect(lint('pip-install-in-commands', code)).toEqual([]);
  });
});

describe('tox/passenv-spaces', () => {
  it('fixes a line mixing commas and spaces', () => {
    const code = '[testenv]\npassenv = A, B C  # note\n';
    expect(at('passenv-spaces', code)).toEqual(['2:11-2:17']);
    expect(fixAll(toxSupport, { code }, [byId('passenv-spaces')])).toBe('[testenv]\npassenv = A, B, C  # note\n');
  });
  it('keeps a condition in front of the names', () => {
    const code = '[testenv]\npassenv =\n    ci: CI GITHUB_TOKEN\n';
    expect(fixAll(toxSupport, { code }, [byId('passenv-spaces')])).toBe('[testenv]\npassenv =\n    ci: CI, GITHUB_TOKEN\n');
  });
});

describe('tox/unescaped-hash', () => {
  it('reports from the `#` to the end of the line, and only in tox sections', () => {
    const code = '[testenv]\ndeps = git+https://x/y.git#egg=y\n\n[flake8]\nignore = E1#2\n';
    expect(at('unescaped-hash', code)).toEqual(['2:27-2:33']);
  });
});

describe('tox/multiple-python-factors', () => {
  it('reports each env name once, at its second Python factor', () => {
    expect(at('multiple-python-factors', '[tox]\nenvlist = py311-py312, py311-py312\n')).toEqual(['2:17-2:22']);
  });
});

describe('tox/unknown-key', () => {
  it('suggests the tox key for a typo, with the section', () => {
    expect(messages('unknown-key', '[tox]\nenvlsit = py312\n')).toEqual(['unknown key `envlsit` in [tox]; tox ignores it — did you mean `envlist`?']);
  });
  it('explains settings in the wrong kind of section', () => {
    expect(messages('unknown-key', '[tox]\ndeps = pytest\n')).toEqual(['`deps` is an environment setting; tox ignores it in [tox] — move it to [testenv]']);
  });
  it('does not take extensions of known keys or unrelated plugin keys for typos', () => {
    expect(lint('unknown-key', '[testenv]\nbase_python_file = .python-version\ndocker = redis\nuv_seed = true\n')).toEqual([]);
  });
  it('does not check sections tox does not read', () => {
    expect(lint('unknown-key', '[pytest]\ndpes = 1\n')).toEqual([]);
  });
});

describe('tox/unresolved-reference', () => {
  it('points at the reference and says what is missing', () => {
    const code = '[base]\ndeps = x\n\n[testenv]\ndeps =\n    {[base]dpes}\ncommands = {[other]commands}\n';
    const found = lint('unresolved-reference', code);
    expect(found.map((f) => `${f.line}:${f.column}-${f.endColumn}`)).toEqual(['6:5-17', '7:12-29']);
    expect(found.map((f) => f.message.split(':')[1]!.split(';')[0]!.trim())).toEqual([
      '[base] has no key `dpes`',
      'there is no section [other]',
    ]);
  });
  it('resolves [testenv:NAME] references through generative sections and [testenv]', () => {
    const code = '[testenv]\nmy_var = 1\n\n[testenv:docs-{a,b}]\nextra = 2\n\n[testenv:x]\ncommands = {[testenv:docs-a]extra} {[testenv:nope]my_var} {[testenv:nope]deps}\n';
    expect(lint('unresolved-reference', code)).toEqual([]);
    expect(at('unresolved-reference', '[testenv:x]\ncommands = {[testenv:y]custom}\n')).toEqual(['2:12-2:31']);
  });
});
