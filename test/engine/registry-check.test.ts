import { describe, expect, test } from 'vitest';
import type { KindSupport } from '../../src/lint/engine/kind.js';
import { checkRegistry, createRegistry, resolveRuleName } from '../../src/lint/engine/registry.js';
import { defineRule, type RuleMeta } from '../../src/lint/engine/types.js';
import { fakeRegistry, linesSupport, noFoo } from './fake-kinds.js';

const withRules = (...metas: Partial<RuleMeta>[]) =>
  createRegistry([
    {
      ...linesSupport,
      rules: metas.map((m) => defineRule({ meta: { ...noFoo.meta, ...m }, check: () => {} })),
    } as KindSupport,
  ]);

describe('checkRegistry', () => {
  test('the fake registry is consistent', () => {
    expect(checkRegistry(fakeRegistry({ project: true, any: true }))).toEqual([]);
  });

  test('duplicate ids, malformed ids and ids of another kind', () => {
    expect(checkRegistry(withRules({}, {}))).toContain('rule id "dockerfile/no-foo" is used by 2 rules');
    expect(checkRegistry(withRules({ id: 'dockerfile/NoFoo' }))).toContain('rule id "dockerfile/NoFoo" is not of the form <kind>/<kebab-name>');
    expect(checkRegistry(withRules({ id: 'makefile/no-foo' }))).toContain('rule "makefile/no-foo" has kind "dockerfile" but its id starts with "makefile/"');
  });

  test('fewer than two bad or good examples', () => {
    const problems = checkRegistry(withRules({ examples: { bad: [{ code: 'foo', output: 'bar' }], good: [] } }));
    expect(problems).toEqual([
      'rule "dockerfile/no-foo" has 1 bad examples; at least 2 are needed',
      'rule "dockerfile/no-foo" has 0 good examples; at least 2 are needed',
    ]);
  });

  test('fixable rules must show a fixed output, and only they', () => {
    expect(checkRegistry(withRules({ fixable: false }))).toEqual(['rule "dockerfile/no-foo" is not fixable but a bad example states an output']);
    expect(
      checkRegistry(withRules({ examples: { bad: [{ code: 'foo' }, { code: 'foo' }], good: [{ code: '' }, { code: '' }] } })),
    ).toEqual(['rule "dockerfile/no-foo" is fixable but no bad example states its fixed output']);
  });

  test('an alias shared by rules of different severities is inconsistent; shared alike it is fine', () => {
    expect(checkRegistry(withRules({ id: 'dockerfile/a', aliases: ['DL1'] }, { id: 'dockerfile/b', aliases: ['DL1'] }))).toEqual([]);
    expect(checkRegistry(withRules({ id: 'dockerfile/a', aliases: ['DL1'] }, { id: 'dockerfile/b', aliases: ['dl1'], severity: 'error' }))).toEqual([
      'alias "DL1" is shared inconsistently by dockerfile/a (dockerfile, warning), dockerfile/b (dockerfile, error): rules sharing an alias need the same kind and default severity',
    ]);
  });
});

describe('resolveRuleName', () => {
  const registry = fakeRegistry();
  test('ids, aliases (any case), engine findings and globs', () => {
    expect(resolveRuleName(registry, 'dockerfile/todo')).toEqual({ ids: ['dockerfile/todo'] });
    expect(resolveRuleName(registry, 'dl9001')).toEqual({ ids: ['dockerfile/no-foo'] });
    expect(resolveRuleName(registry, 'unused-suppression')).toEqual({ ids: ['unused-suppression'] });
    expect(resolveRuleName(registry, 'dockerfile/*')).toEqual({ ids: ['dockerfile/fragile', 'dockerfile/no-foo', 'dockerfile/todo', 'dockerfile/untrusted'] });
    expect(resolveRuleName(registry, 'tox/*')).toEqual({ error: 'no rule matches "tox/*"' });
  });
});
