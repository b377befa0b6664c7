import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { KindSupport } from '../../src/lint/engine/kind.js';
import { checkRegistry, createRegistry } from '../../src/lint/engine/registry.js';
import { gitlabCiSupport, STRUCTURE_RULE_IDS } from '../../src/lint/gitlab-ci/index.js';
import { lint } from './helpers.js';

const rules = gitlabCiSupport.rules;

describe('the rule list', () => {
  test('one file per rule, listed once, sorted by id; ids match file names', () => {
    const dir = fileURLToPath(new URL('../../src/lint/gitlab-ci/rules/', import.meta.url));
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => `gitlab-ci/${f.slice(0, -3)}`)
      .sort();
    const ids = rules.map((r) => r.meta.id);
    expect(ids).toEqual(files);
    expect([...ids].sort()).toEqual(ids);
  });

  test('the engine accepts the registry (metadata, examples count, aliases)', () => {
    expect(checkRegistry(createRegistry([gitlabCiSupport as KindSupport]))).toEqual([]);
  });

  test('structure rule ids name existing rules', () => {
    const ids = new Set(rules.map((r) => r.meta.id));
    for (const id of STRUCTURE_RULE_IDS) expect(ids.has(id)).toBe(true);
  });
});

describe.each(rules.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
  test.each(rule.meta.examples.bad.map((e, i) => [i, e] as const))('bad example %i is reported, with positions', (_, example) => {
    const findings = lint(example.code, { only: [id], ...(example.files ? { files: example.files } : {}), ...(example.filename ? { path: example.filename } : {}) });
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.ruleId).toBe(id);
      expect(f.line).toBeGreaterThanOrEqual(1);
      expect(f.column).toBeGreaterThanOrEqual(1);
      expect(f.message.length).toBeGreaterThan(20);
    }
  });
  test.each(rule.meta.examples.good.map((e, i) => [i, e] as const))('good example %i is clean', (_, example) => {
    expect(lint(example.code, { only: [id], ...(example.files ? { files: example.files } : {}), ...(example.filename ? { path: example.filename } : {}) })).toEqual([]);
  });
  test('good examples are clean for every gitlab-ci rule but the informational ones', () => {
    for (const example of rule.meta.examples.good) {
      const findings = lint(example.code, example.files ? { files: example.files } : {}).filter(
        (f) => f.severity !== 'info' && f.ruleId !== 'gitlab-ci/only-except-deprecated',
      );
      expect(findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    }
  });
});
