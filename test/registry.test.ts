/**
 * The rule registry against the rule files and the generated docs: ids unique and of the
 * form <kind>/<file name>, every rule file registered and every rule in a file, at least two
 * bad and two good examples, aliases shared consistently, docs/rules.md up to date.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkRegistry, ID_PREFIXES } from '../src/lint/engine/registry.js';
import type { Rule, RuleKind } from '../src/lint/engine/types.js';
import { loadRegistry } from '../src/lint/kinds.js';
import { rulesMarkdown } from '../src/report/rule-docs.js';

const SRC = new URL('../src/lint/', import.meta.url).pathname;
/** Where each kind's rule files live: src/lint/<dir>/rules/**.ts, one rule per file. */
const RULE_DIRS: Record<RuleKind, string> = {
  dockerfile: 'dockerfile',
  'gitlab-ci': 'gitlab-ci',
  makefile: 'makefile',
  tox: 'tox',
  descriptor: 'descriptor',
  project: 'cross',
  any: 'secrets',
};

function tsFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return n.endsWith('.ts') && !n.endsWith('.test.ts') && !n.endsWith('.d.ts') ? [p] : [];
  });
}

function isRule(value: unknown): value is Rule {
  const v = value as Rule | undefined;
  return typeof v === 'object' && v !== null && typeof v.check === 'function' && typeof v.meta?.id === 'string';
}

describe('rule registry', async () => {
  const registry = await loadRegistry();

  test('the registry keeps its invariants', () => {
    expect(checkRegistry(registry)).toEqual([]);
  });

  test('each rule lives in src/lint/<kind>/rules/<name>.ts and every rule file is registered', async () => {
    const problems: string[] = [];
    const inFiles = new Map<string, string>();
    for (const [kind, dir] of Object.entries(RULE_DIRS) as [RuleKind, string][]) {
      for (const file of tsFiles(join(SRC, dir, 'rules'))) {
        const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
        const rules = [...new Set(Object.values(mod).filter(isRule))];
        const where = relative(join(SRC, '..', '..'), file);
        if (rules.length > 1) problems.push(`${where} defines ${rules.length} rules; one file, one rule`);
        for (const rule of rules) {
          const name = basename(file, '.ts');
          const expected = ID_PREFIXES[kind].map((p) => `${p}/${name}`);
          if (!expected.includes(rule.meta.id)) problems.push(`${where} defines "${rule.meta.id}"; its id must be ${expected.join(' or ')}`);
          if (registry.byId.get(rule.meta.id) !== rule) problems.push(`${where}: rule "${rule.meta.id}" is not registered in its kind's index`);
          inFiles.set(rule.meta.id, where);
        }
      }
    }
    for (const rule of registry.rules) {
      if (!inFiles.has(rule.meta.id)) problems.push(`rule "${rule.meta.id}" is registered but no src/lint/<kind>/rules/<name>.ts file defines it`);
    }
    expect(problems).toEqual([]);
  });

  test('docs/rules.md is generated from the current metadata (run npm run build && npm run docs)', async () => {
    const docs = readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8');
    const expected = await rulesMarkdown(registry);
    expect(docs === expected, 'docs/rules.md is stale: run `npm run build && npm run docs`').toBe(true);
  });

  test("README's rule counts match the registry", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const fixable = /shows which rules fix \((\d+) of them\)/.exec(readme);
    expect(fixable, 'README states how many rules fix').not.toBeNull();
    expect(Number(fixable![1])).toBe(registry.rules.filter((r) => r.meta.fixable).length);
    const about = /About (\d+) rules/.exec(readme);
    expect(about, 'README states about how many rules there are').not.toBeNull();
    // "About N": within five of the true count, rounded the way a reader expects.
    expect(Math.abs(Number(about![1]) - registry.rules.length)).toBeLessThanOrEqual(5);
  });
});
