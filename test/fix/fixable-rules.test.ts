/**
 * Properties of every fixable rule's fixes (the registry is iterated, so a new fixable rule is
 * covered without touching this file), on the rule's bad examples and on the corpus files of
 * ../shared/corpus where it fires with a fix (the first FILES_PER_RULE; skipped when the corpus
 * is absent):
 *  - the fixed file parses (one that did not parse gains no parse error);
 *  - the rule no longer fires where it offered a fix (findings it cannot fix may stay);
 *  - no other rule starts firing (per rule id, no more findings after than before);
 *  - a second fix pass changes nothing.
 * Only the rule under test is fixed, so each rule's fixes are judged on their own.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadRegistry } from '../../src/lint/kinds.js';
import { fixText, lintText, type LintTextOptions } from '../../src/lint/index.js';
import type { FileKind, Finding, Rule } from '../../src/lint/engine/types.js';
import { exampleOptions } from '../engine/examples-harness.js';

const FILES_PER_RULE = 20;
const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');
const CORPUS_DIRS: Partial<Record<FileKind, string>> = { dockerfile: 'dockerfiles', 'gitlab-ci': 'gitlab-ci', makefile: 'makefiles', tox: 'tox' };
const BROKEN = new Set(['parse-error', 'internal-error']);

function countByRule(findings: readonly Finding[], except: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) if (f.ruleId !== except) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return counts;
}

/** What breaks the properties when `text` is fixed by `rule` alone (empty when they hold). */
async function fixProblems(rule: Rule, text: string, options: LintTextOptions): Promise<string[]> {
  const id = rule.meta.id;
  const all = { ...options, only: undefined };
  const before = await lintText(text, all);
  const main = (fs: readonly Finding[]) => fs.filter((f) => f.file === (options.filename ?? f.file));
  const own = main(before).filter((f) => f.ruleId === id);
  const unfixable = own.filter((f) => !f.fix || f.fix.length === 0).length;
  const fixed = await fixText(text, { ...options, only: [id] });
  if (fixed.output === text) return own.length > unfixable ? [`${id} offers fixes that change nothing`] : [];
  const problems: string[] = [];
  const after = await lintText(fixed.output, all);
  const broken = after.filter((f) => BROKEN.has(f.ruleId) && !before.some((b) => b.ruleId === f.ruleId));
  // A file that did not parse before (corpus parser fixtures) must not gain parse errors.
  const parsedBefore = !before.some((f) => f.ruleId === 'parse-error');
  if ((parsedBefore && !fixed.parses) || broken.length) problems.push(`the fixed text does not parse: ${broken.map((f) => `${f.line}:${f.column} ${f.message}`).join('; ')}`);
  const ownAfter = main(after).filter((f) => f.ruleId === id);
  const stillFixable = ownAfter.filter((f) => f.fix && f.fix.length > 0);
  if (stillFixable.length) problems.push(`${id} still offers fixes after ${fixed.passes} passes: ${stillFixable.map((f) => `${f.line}:${f.column}`).join(', ')}`);
  if (ownAfter.length > unfixable) problems.push(`${id} still fires ${ownAfter.length} times (${unfixable} unfixable before)`);
  const was = countByRule(before, id);
  for (const [other, n] of countByRule(after, id)) {
    if (n > (was.get(other) ?? 0)) problems.push(`${other} starts firing (${was.get(other) ?? 0} → ${n} findings)`);
  }
  const again = await fixText(fixed.output, { ...options, only: [id] });
  if (again.output !== fixed.output) problems.push('a second fix pass changes the text again');
  return problems;
}

describe('fixable rules', async () => {
  const registry = await loadRegistry();
  const fixable = registry.rules.filter((r) => r.meta.fixable);

  /** Per kind, read once: rule id → corpus files (sorted) where the rule offers a fix. */
  const scans = new Map<FileKind, Promise<Map<string, string[]>>>();
  const fixableInCorpus = (kind: FileKind) => {
    let scan = scans.get(kind);
    if (!scan) {
      scan = (async () => {
        const dir = CORPUS_DIRS[kind]!;
        const only = fixable.filter((r) => r.meta.kind === kind).map((r) => r.meta.id);
        const found = new Map<string, string[]>();
        for (const name of corpusFiles(dir)) {
          const findings = await lintText(readFileSync(join(CORPUS, dir, name), 'utf8'), { kind, only, registry });
          for (const id of new Set(findings.filter((f) => f.fix && f.fix.length > 0).map((f) => f.ruleId))) {
            const list = found.get(id) ?? [];
            if (list.length < FILES_PER_RULE) list.push(name);
            found.set(id, list);
          }
        }
        return found;
      })();
      scans.set(kind, scan);
    }
    return scan;
  };

  test('there are fixable rules of every linted file kind', () => {
    const kinds = new Set(fixable.map((r) => r.meta.kind));
    for (const kind of ['dockerfile', 'gitlab-ci', 'makefile', 'tox']) expect(kinds).toContain(kind);
  });

  describe.each(fixable.map((r) => [r.meta.id, r] as const))('%s', (_id, rule) => {
    test('bad examples', { timeout: 120_000 }, async () => {
      const problems: string[] = [];
      for (const [i, example] of rule.meta.examples.bad.entries()) {
        const options = exampleOptions(rule, example, registry);
        for (const p of await fixProblems(rule, example.code, options)) problems.push(`bad example ${i + 1}: ${p}`);
      }
      expect(problems).toEqual([]);
    });

    const dir = CORPUS_DIRS[rule.meta.kind as FileKind];
    test.skipIf(!dir || !existsSync(CORPUS))('corpus files where it fires', { timeout: 180_000 }, async () => {
      const problems: string[] = [];
      const where = (await fixableInCorpus(rule.meta.kind as FileKind)).get(rule.meta.id) ?? [];
      for (const name of where.slice(0, FILES_PER_RULE)) {
        const text = readFileSync(join(CORPUS, dir!, name), 'utf8');
        const options: LintTextOptions = { kind: rule.meta.kind as FileKind, only: [rule.meta.id], registry };
        for (const p of await fixProblems(rule, text, options)) problems.push(`${name}: ${p}`);
      }
      expect(problems).toEqual([]);
    });
  });
});

/** Corpus files of one folder, sorted (so the first ones are always the same), without the catalogues. */
function corpusFiles(dir: string): string[] {
  const path = join(CORPUS, dir);
  return readdirSync(path)
    .filter((n) => !/\.(tsv|md)$/.test(n) && statSync(join(path, n)).isFile())
    .sort();
}
