#!/usr/bin/env node
/**
 * GitLab's own CI schema fixtures, run through slipway's gitlab-ci STRUCTURE rules the way
 * GitLab's harness runs them through the JSON schema:
 *
 * - "per-top-level-key" files: each top-level key is validated on its own, as the document
 *   `{key: value}`. A positive case must get no structural error, a negative one at least one.
 * - "whole-document" files (`workflow/auto_cancel/*.yml`): each top-level key is only a test
 *   name; its VALUE is validated as a whole document. (Validating the file as one document, as
 *   the name suggests, makes GitLab's schema reject its own positive cases.)
 *
 * Exceptions, documented in the output:
 * - gitlab-ci/missing-script is not run: the fixtures are fragments that check one keyword each
 *   (`valid_image: {image: alpine}`); the schema does not require `script`, GitLab's lint does.
 * - KNOWN_DIFFERENCES below: cases where the fixture's verdict is the schema's, and GitLab itself
 *   decides otherwise when it creates a pipeline. Each names the rule and the reason; only that
 *   rule's findings are excused for that case.
 * - `run.yml` `step_using_action`, which GitLab's schema rejects although it is a positive case
 *   (the fixture is newer than the schema), needs no exception: slipway's keyword table follows
 *   GitLab's documentation of CI steps, which has `action:`.
 *
 * `--verbose` prints the findings behind every rejected negative case.
 *
 * Needs `npx tsc -p tsconfig.build.json` first (imports dist/). Reads ../shared/gitlab/schema-tests
 * relative to the project root and skips with a message when it is absent. Exit status 1 when any
 * case disagrees.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument, isMap } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = resolve(root, '../shared/gitlab/schema-tests');
if (!existsSync(fixtures)) {
  console.log(`skipped: GitLab's schema fixtures are not at ${relative(process.cwd(), fixtures) || fixtures}`);
  process.exit(0);
}
const dist = join(root, 'dist/lint/gitlab-ci/index.js');
if (!existsSync(dist)) {
  console.error('dist/ is missing: run `npx tsc -p tsconfig.build.json` first');
  process.exit(2);
}
const { lintGitlabCi, memoryEnv, STRUCTURE_RULE_IDS } = await import(dist);
const EXCLUDED = ['gitlab-ci/missing-script'];

/** Fixture verdicts that are the schema's, not GitLab's. */
const KNOWN_DIFFERENCES = [
  {
    file: 'positive/rules_needs.yml',
    name: 'job',
    rule: 'gitlab-ci/invalid-rules-if',
    why: 'the schema only checks that `rules:if` is a string; GitLab\'s expression lexer has no boolean token, so `$var == true` fails with "invalid expression syntax" when a pipeline is created',
  },
];
const RULES = STRUCTURE_RULE_IDS.filter((id) => !EXCLUDED.includes(id));

/** How GitLab's harness validates each file (SOURCES.tsv `mode`); whole-document when absent and under workflow/auto_cancel. */
function modes() {
  const out = new Map();
  const tsv = join(fixtures, 'SOURCES.tsv');
  if (!existsSync(tsv)) return out;
  for (const line of readFileSync(tsv, 'utf8').split('\n').slice(1)) {
    const cols = line.split('\t');
    if (cols.length >= 5) out.set(cols[0], cols[4]);
  }
  return out;
}

function listYaml(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYaml(path));
    else if (/\.ya?ml$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

/** Split a fixture file into cases: [name, text] with the text sliced from the file. */
function cases(text, mode) {
  const doc = parseDocument(text, { uniqueKeys: false, version: '1.1' });
  if (!isMap(doc.contents)) return [];
  const lineStart = (offset) => text.lastIndexOf('\n', offset - 1) + 1;
  const pairs = doc.contents.items;
  return pairs.map((pair, i) => {
    const start = lineStart(pair.key.range[0]);
    const end = i + 1 < pairs.length ? lineStart(pairs[i + 1].key.range[0]) : text.length;
    const block = text.slice(start, end);
    const name = String(pair.key.value);
    if (mode !== 'whole-document') return [name, block];
    // The value, dedented, is the document.
    const lines = block.split('\n').slice(1);
    const indent = Math.min(...lines.filter((l) => l.trim() && !l.trim().startsWith('#')).map((l) => l.match(/^ */)[0].length));
    return [name, lines.map((l) => l.slice(Math.min(indent, l.match(/^ */)[0].length))).join('\n')];
  });
}

const VERBOSE = process.argv.includes('--verbose');
const modeOf = modes();
const rows = [];
const failures = [];
const excused = [];
let total = 0;
let agreed = 0;
const started = performance.now();
for (const path of listYaml(fixtures)) {
  const rel = relative(fixtures, path).split('\\').join('/');
  const expectValid = rel.startsWith('positive/');
  if (!expectValid && !rel.startsWith('negative/')) continue;
  const mode = modeOf.get(rel) ?? (rel.includes('workflow/auto_cancel/') && !rel.includes('/rules/') ? 'whole-document' : 'per-top-level-key');
  let ok = 0;
  const list = cases(readFileSync(path, 'utf8'), mode);
  for (const [name, text] of list) {
    total++;
    // Each case is a whole pipeline for the schema: lint it as a `.gitlab-ci.yml` (an entry point).
    const findings = lintGitlabCi({ path: '.gitlab-ci.yml', text, kind: 'gitlab-ci' }, memoryEnv({}), { only: RULES });
    const known = KNOWN_DIFFERENCES.find((k) => k.file === rel && k.name === name);
    const errors = findings.filter((f) => f.severity === 'error' && !(known && f.ruleId === known.rule));
    if (known && errors.length !== findings.filter((f) => f.severity === 'error').length) excused.push({ rel, name, known });
    const pass = expectValid ? errors.length === 0 : errors.length > 0;
    if (VERBOSE && !expectValid) console.log(`${rel} :: ${name}\n${errors.map((e) => `    ${e.line}:${e.column} ${e.message} [${e.ruleId}]`).join('\n')}`);
    if (pass) {
      ok++;
      agreed++;
    } else {
      failures.push({ rel, name, expectValid, errors });
    }
  }
  rows.push([rel, mode, list.length, ok]);
}

const width = Math.max(...rows.map((r) => r[0].length), 4);
console.log(`${'file'.padEnd(width)}  mode               cases  as expected`);
for (const [rel, mode, count, ok] of rows) {
  console.log(`${rel.padEnd(width)}  ${mode.padEnd(17)}  ${String(count).padStart(5)}  ${String(ok).padStart(5)}${ok === count ? '' : '  <-- disagrees'}`);
}
const positives = rows.filter((r) => r[0].startsWith('positive/'));
const negatives = rows.filter((r) => r[0].startsWith('negative/'));
const sum = (rs, i) => rs.reduce((n, r) => n + r[i], 0);
console.log('');
console.log(`positive cases accepted: ${sum(positives, 3)}/${sum(positives, 2)}`);
console.log(`negative cases rejected: ${sum(negatives, 3)}/${sum(negatives, 2)}`);
console.log(`rules run: ${RULES.length} structure rules (excluded: ${EXCLUDED.join(', ')}: fixtures are single-keyword fragments)`);
for (const e of excused) console.log(`known difference: ${e.rel} :: ${e.name} — ${e.known.rule}: ${e.known.why}`);
console.log(`time: ${(performance.now() - started).toFixed(0)} ms`);
for (const f of failures) {
  console.log(`\n${f.expectValid ? 'REJECTED positive' : 'ACCEPTED negative'}: ${f.rel} :: ${f.name}`);
  for (const e of f.errors) console.log(`  ${e.line}:${e.column} ${e.message} [${e.ruleId}]`);
}
process.exit(agreed === total ? 0 : 1);
