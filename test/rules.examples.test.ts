/**
 * Every registered rule's examples, run through the real engine with only that rule enabled
 * (see test/engine/examples-harness.ts for what is checked; the harness is itself tested on
 * fake rules in test/engine/examples-harness.test.ts).
 */
import { describe, expect, test } from 'vitest';
import { loadRegistry } from '../src/lint/kinds.js';
import { checkRuleExamples } from './engine/examples-harness.js';

describe('rule examples', async () => {
  const registry = await loadRegistry();

  test('every rule has at least two bad and two good examples', () => {
    const short = registry.rules.filter((r) => r.meta.examples.bad.length < 2 || r.meta.examples.good.length < 2).map((r) => r.meta.id);
    expect(short).toEqual([]);
  });

  test.each(registry.rules.map((r) => [r.meta.id, r] as const))('%s', async (_id, rule) => {
    expect(await checkRuleExamples(rule, registry)).toEqual([]);
  });
});
