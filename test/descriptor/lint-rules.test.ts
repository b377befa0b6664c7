import { describe, expect, test } from 'vitest';
import { lintText } from '../../src/lint/index.js';
import { descriptorRules } from '../../src/lint/descriptor/rules/index.js';
import { loadRegistry } from '../../src/lint/kinds.js';
import { checkRegistry } from '../../src/lint/engine/registry.js';

describe.each(descriptorRules.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
  const run = (code: string, files?: Record<string, string>) => lintText(code, { kind: 'descriptor', files: files ?? {}, only: [id] });

  test.each(rule.meta.examples.bad)('bad: $code', async ({ code, files }) => {
    const findings = await run(code, files);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.ruleId === id)).toBe(true);
  });

  test.each(rule.meta.examples.good)('good: $code', async ({ code, files }) => {
    expect(await run(code, files)).toEqual([]);
  });
});

test('the descriptor rules are registered and consistent', async () => {
  const registry = await loadRegistry();
  expect(registry.supports.get('descriptor')?.rules.map((r) => r.meta.id)).toEqual(descriptorRules.map((r) => r.meta.id));
  expect(checkRegistry(registry).filter((p) => p.includes('descriptor/'))).toEqual([]);
});
