#!/usr/bin/env node
// Conformance of the Dockerfile parser and rules on the shared corpus of real Dockerfiles.
//
//   npx tsc -p tsconfig.build.json && node scripts/conformance/dockerfile-corpus.mjs [--show RULE] [--list-failures]
//
// Parses every file of ../shared/corpus/dockerfiles (beside the project; skipped with a message when
// absent), runs every Dockerfile rule, and prints the number of files, parse failures, crashes, findings
// per rule and the time taken. Exit status 1 on any crash, or on a parse failure of a file that is not a
// parser test fixture (SOURCES.tsv marks those `test-fixture-path`; some are deliberately broken).
// `--show RULE` prints that rule's findings as file:line:col message.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = resolve(root, '..', 'shared', 'corpus', 'dockerfiles');
if (!existsSync(corpus)) {
  console.log(`dockerfile corpus not found at ../shared/corpus/dockerfiles: skipped`);
  process.exit(0);
}
const dist = join(root, 'dist', 'lint');
if (!existsSync(join(dist, 'dockerfile', 'index.js'))) {
  console.error('dist/ is missing: run `npx tsc -p tsconfig.build.json` first');
  process.exit(2);
}

const args = process.argv.slice(2);
const show = args.includes('--show') ? args[args.indexOf('--show') + 1] : undefined;
const listFailures = args.includes('--list-failures');

const { initShell } = await import(join(dist, 'shell', 'index.js'));
const { dockerfileSupport } = await import(join(dist, 'dockerfile', 'index.js'));
const { LineIndex } = await import(join(root, 'dist', 'util', 'text.js'));

const fixtures = new Set();
const sources = join(corpus, 'SOURCES.tsv');
if (existsSync(sources)) {
  const [header, ...rows] = readFileSync(sources, 'utf8').split('\n');
  const cols = header.split('\t');
  const fileCol = cols.indexOf('file');
  const noteCol = cols.indexOf('note');
  for (const row of rows) {
    const cells = row.split('\t');
    if (cells[noteCol]?.includes('test-fixture-path')) fixtures.add(cells[fileCol]);
  }
}

await initShell();
const names = readdirSync(corpus).filter((n) => n !== 'SOURCES.tsv').sort();
const perRule = new Map(dockerfileSupport.rules.map((r) => [r.meta.id, 0]));
const failures = [];
const crashes = [];
const shown = [];
let parseMs = 0;
let ruleMs = 0;
let findings = 0;
let runs = 0;
let shellErrors = 0;

for (const name of names) {
  const text = readFileSync(join(corpus, name), 'utf8');
  const file = { path: name, text, kind: 'dockerfile' };
  let result;
  const t0 = performance.now();
  try {
    result = dockerfileSupport.parse(file, { root: corpus, readFile: () => undefined });
  } catch (error) {
    crashes.push({ name, where: 'parse', error });
    continue;
  } finally {
    parseMs += performance.now() - t0;
  }
  if (result.problems.length > 0) failures.push({ name, fixture: fixtures.has(name), problems: result.problems, lines: new LineIndex(text) });
  const doc = result.doc;
  if (!doc) continue;
  for (const ins of doc.find('RUN', { triggers: true })) {
    runs++;
    if (ins.script?.hasErrors) shellErrors++;
  }
  const lines = new LineIndex(text);
  for (const rule of dockerfileSupport.rules) {
    const t1 = performance.now();
    try {
      rule.check({
        doc,
        file,
        options: {},
        report(r) {
          findings++;
          perRule.set(rule.meta.id, (perRule.get(rule.meta.id) ?? 0) + 1);
          if (rule.meta.id === show) {
            const pos = r.span ? lines.positionAt(r.span.start) : r.loc ?? { line: 0, column: 0 };
            shown.push(`${name}:${pos.line}:${pos.column} ${r.message}`);
          }
        },
      });
    } catch (error) {
      crashes.push({ name, where: rule.meta.id, error });
    }
    ruleMs += performance.now() - t1;
  }
}

const unexpected = failures.filter((f) => !f.fixture);
console.log(`files: ${names.length}`);
console.log(`RUN instructions: ${runs} (${shellErrors} with shell syntax errors)`);
console.log(`parse failures: ${failures.length} (${failures.length - unexpected.length} parser test fixtures, ${unexpected.length} other)`);
for (const f of listFailures ? failures : unexpected) {
  for (const p of f.problems) {
    const pos = p.span ? f.lines.positionAt(p.span.start) : p.loc ?? { line: 1, column: 1 };
    console.log(`  ${f.fixture ? '(fixture) ' : ''}${f.name}:${pos.line}:${pos.column} ${p.message}`);
  }
}
console.log(`crashes: ${crashes.length}`);
for (const c of crashes) console.log(`  ${c.name} [${c.where}]: ${c.error?.stack ?? c.error}`);
console.log(`findings: ${findings}`);
for (const [id, n] of [...perRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`  ${String(n).padStart(6)}  ${id}`);
console.log(`time: parse ${parseMs.toFixed(0)} ms, rules ${ruleMs.toFixed(0)} ms`);
if (show) for (const s of shown) console.log(s);
process.exit(crashes.length > 0 || unexpected.length > 0 ? 1 : 0);
