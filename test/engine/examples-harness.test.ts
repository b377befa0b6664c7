import { describe, expect, test } from 'vitest';
import type { KindSupport } from '../../src/lint/engine/kind.js';
import { createRegistry } from '../../src/lint/engine/registry.js';
import { defineRule, type Rule } from '../../src/lint/engine/types.js';
import { checkRuleExamples, positionProblem } from './examples-harness.js';
import { fakeRegistry, linesSupport, noFoo, type LinesDoc } from './fake-kinds.js';

const withRule = (rule: Rule<LinesDoc>) => {
  const registry = createRegistry([{ ...linesSupport, rules: [rule] } as KindSupport]);
  return checkRuleExamples(rule as Rule, registry);
};

describe('the rule examples harness', () => {
  test('accepts a rule whose examples are right', async () => {
    expect(await checkRuleExamples(noFoo as Rule, fakeRegistry())).toEqual([]);
  });

  test('reports a bad example that does not fire and a good one that does', async () => {
    const rule = defineRule<LinesDoc>({
      ...noFoo,
      meta: { ...noFoo.meta, examples: { bad: [{ code: 'bar\n', output: 'baz\n' }, noFoo.meta.examples.bad[0]!], good: [{ code: 'foo\n', note: 'oops' }, { code: '\n' }] } },
    });
    expect(await withRule(rule)).toEqual([
      'bad example 1: dockerfile/no-foo reports nothing',
      'bad example 1: fixed to "bar\\n", expected "baz\\n"',
      'good example 1 (oops): Dockerfile:1:1 dockerfile/no-foo: no foo here',
    ]);
  });

  test('reports fixes that change an example without a stated output, and outputs the rule still fires on', async () => {
    const rule = defineRule<LinesDoc>({
      ...noFoo,
      meta: { ...noFoo.meta, examples: { bad: [{ code: 'foo\n' }, { code: 'foo\n', output: 'foo \n' }], good: noFoo.meta.examples.good } },
    });
    const problems = await withRule(rule);
    expect(problems).toContain("bad example 1: the rule's fixes change it, so the example must state its output");
    expect(problems).toContain('bad example 2: dockerfile/no-foo still fires on the stated output: Dockerfile:1:1 dockerfile/no-foo: no foo here');
  });

  test('reports crashes', async () => {
    const rule = defineRule<LinesDoc>({ ...noFoo, check: () => { throw new Error('boom'); } });
    expect((await withRule(rule))[0]).toMatch(/^bad example 1: Dockerfile:1:1 internal-error: rule dockerfile\/no-foo crashed: boom/);
  });

  test('positionProblem checks lines and columns against the text', () => {
    const f = { file: 'x', line: 2, column: 1, endLine: 2, endColumn: 4, ruleId: 'r', severity: 'warning' as const, message: '', aliases: [] };
    expect(positionProblem(f, 'a\nabc\n')).toBeUndefined();
    expect(positionProblem({ ...f, endColumn: 6 }, 'a\nabc\n')).toBe('has end column 6 outside line 2');
    expect(positionProblem({ ...f, line: 4, endLine: 4 }, 'a\nabc\n')).toBe('has line 4 outside 1–3');
  });
});
