#!/usr/bin/env node
/**
 * Runs slipway's secret scan over the shared corpora (real Dockerfiles, .gitlab-ci.yml,
 * Makefiles, tox.ini from public repositories, and the CD-Linter study's files) and prints
 * the hits per detector, masked, with the time taken. Exits 1 when a detector throws on a
 * file; skips (exit 0) when the corpora are not beside the project.
 *
 *   npx tsc -p tsconfig.build.json && node scripts/conformance/secrets-corpus.mjs [--summary]
 *
 * The corpora are public repositories: a hit is far more likely a test fixture or a false
 * positive than a live secret. Review them by eye; nothing here prints a whole value.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpora = [resolve(root, '../shared/corpus'), resolve(root, '../shared/cd-linter/files')];
const summaryOnly = process.argv.includes('--summary');

const present = corpora.filter((dir) => isDirectory(dir));
if (present.length === 0) {
  console.log('secrets-corpus: skipped, no corpus beside the project (../shared/corpus, ../shared/cd-linter/files)');
  process.exit(0);
}

const dist = join(root, 'dist/lint/secrets');
if (!isDirectory(dist)) {
  console.error('secrets-corpus: dist/lint/secrets is missing; build first with `npx tsc -p tsconfig.build.json`');
  process.exit(2);
}
const { initSecrets, scanSecrets, OWN_DETECTORS } = await import(join(dist, 'scan.js'));
const { findWithSecretlint } = await import(join(dist, 'detectors/secretlint.js'));
const { secretFamily } = await import(join(dist, 'families.js'));
const { LineIndex } = await import(join(root, 'dist/util/text.js'));

const files = present.flatMap((dir) => walk(dir).filter((f) => !f.endsWith('.tsv')).map((f) => ({ dir, path: f })));
const sources = files.map(({ dir, path }) => {
  const rel = relative(dirname(dir), path).split('\\').join('/');
  return { path: rel, text: readFileSync(path, 'utf8'), kind: kindOf(rel) };
});

// 1. The scan as the engine runs it, timed after initialisation.
const initStart = performance.now();
await initSecrets();
const initMs = performance.now() - initStart;
const scanStart = performance.now();
const results = [];
for (const file of sources) results.push({ file, hits: await scanSecrets(file) });
const scanMs = performance.now() - scanStart;

// 2. Every detector alone, unguarded: a throw here is a crash scanSecrets would hide.
const crashes = [];
for (const file of sources) {
  for (const detect of OWN_DETECTORS) {
    try {
      detect(file.text);
    } catch (error) {
      crashes.push(`${file.path}: ${detect.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  try {
    await findWithSecretlint(file);
  } catch (error) {
    crashes.push(`${file.path}: secretlint: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const byDetector = new Map();
const byFamily = new Map();
for (const { file, hits } of results) {
  const index = new LineIndex(file.text);
  for (const hit of hits) {
    const { line, column } = index.positionAt(hit.span.start);
    const row = `${file.path}:${line}:${column}  ${hit.masked}  (${hit.what})`;
    if (!byDetector.has(hit.detector)) byDetector.set(hit.detector, []);
    byDetector.get(hit.detector).push(row);
    const family = secretFamily(hit.detector);
    byFamily.set(family, (byFamily.get(family) ?? 0) + 1);
  }
}

const filesWithHits = results.filter((r) => r.hits.length > 0).length;
const totalHits = results.reduce((n, r) => n + r.hits.length, 0);
console.log(`secrets-corpus: ${sources.length} files from ${present.map((d) => relative(root, d)).join(', ')}`);
console.log(`  init ${initMs.toFixed(0)} ms; scan ${scanMs.toFixed(0)} ms (${((scanMs / sources.length) * 1000).toFixed(0)} µs/file)`);
console.log(`  ${totalHits} hits in ${filesWithHits} files; by family: ${[...byFamily].map(([f, n]) => `${f} ${n}`).join(', ') || 'none'}`);
for (const [detector, rows] of [...byDetector].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`  ${detector}: ${rows.length}`);
  if (!summaryOnly) for (const row of rows) console.log(`    ${row}`);
}
if (crashes.length > 0) {
  console.error(`secrets-corpus: ${crashes.length} crash(es)`);
  for (const c of crashes) console.error(`  ${c}`);
  process.exit(1);
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return entry.isFile() ? [path] : [];
  });
}

function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The file kind from the corpus layout (only the rules' advice depends on it). */
function kindOf(rel) {
  if (rel.startsWith('dockerfiles/')) return 'dockerfile';
  if (rel.startsWith('makefiles/')) return 'makefile';
  if (rel.startsWith('tox/')) return 'tox';
  if (rel.startsWith('gitlab-ci/') || rel.endsWith('.yml')) return 'gitlab-ci';
  return 'project';
}
