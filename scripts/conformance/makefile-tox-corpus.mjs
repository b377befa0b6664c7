#!/usr/bin/env node
// Conformance of the Makefile and tox.ini parsers and rules on the shared corpus of real files.
//
//   npx tsc -p tsconfig.build.json && node scripts/conformance/makefile-tox-corpus.mjs [--show RULE] [--top N]
//
// Parses every file of ../shared/corpus/makefiles and ../shared/corpus/tox (beside the project; a
// kind whose folder is absent is skipped with a message), runs every rule of the kind, and prints per
// kind the number of files, parse failures, crashes, findings per rule, the most frequent messages and
// the time taken. Every corpus file is valid for its tool (make reads the Makefiles, configparser the
// tox.ini files), so a parse failure is a slipway bug too. Exit status 1 on any crash or parse failure.
// `--show RULE` prints that rule's findings as file:line:col message.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpusRoot = resolve(root, '..', 'shared', 'corpus');
const dist = join(root, 'dist', 'lint');
if (!existsSync(join(dist, 'makefile', 'index.js')) || !existsSync(join(dist, 'tox', 'index.js'))) {
  console.error('dist/ is missing: run `npx tsc -p tsconfig.build.json` first');
  process.exit(2);
}

const args = process.argv.slice(2);
const show = args.includes('--show') ? args[args.indexOf('--show') + 1] : undefined;
const top = args.includes('--top') ? Number(args[args.indexOf('--top') + 1]) : 10;

const { makefileSupport } = await import(join(dist, 'makefile', 'index.js'));
const { toxSupport } = await import(join(dist, 'tox', 'index.js'));
const { LineIndex } = await import(join(root, 'dist', 'util', 'text.js'));

const kinds = [
  { folder: 'makefiles', support: makefileSupport, name: 'Makefile' },
  { folder: 'tox', support: toxSupport, name: 'tox.ini' },
];

/** Where a report points, as 1-based line:column. */
function where(index, report) {
  if (report.loc) return `${report.loc.line}:${report.loc.column}`;
  const p = index.positionAt(report.span?.start ?? 0);
  return `${p.line}:${p.column}`;
}

let failed = false;
for (const { folder, support, name } of kinds) {
  const dir = join(corpusRoot, folder);
  if (!existsSync(dir)) {
    console.log(`${folder}: corpus not found at ../shared/corpus/${folder}: skipped`);
    continue;
  }
  const files = readdirSync(dir).filter((f) => f !== 'SOURCES.tsv' && !f.startsWith('.')).sort();
  const perRule = new Map(support.rules.map((r) => [r.meta.id, 0]));
  const messages = new Map();
  const parseFailures = [];
  const crashes = [];
  const started = performance.now();
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    const file = { path: name, text, kind: support.kind };
    const env = { root: dir, readFile: () => undefined };
    const index = new LineIndex(text);
    let parsed;
    try {
      parsed = support.parse(file, env);
    } catch (error) {
      crashes.push(`${f}: parser: ${error?.stack ?? error}`);
      continue;
    }
    for (const p of parsed.problems) parseFailures.push(`${f}:${where(index, p)} ${p.message}`);
    if (parsed.doc === undefined) continue;
    for (const rule of support.rules) {
      try {
        rule.check({
          doc: parsed.doc,
          file,
          options: {},
          report(report) {
            const id = rule.meta.id;
            perRule.set(id, perRule.get(id) + 1);
            const shape = report.message.replace(/`[^`]*`/g, '`…`');
            const key = `${id}  ${shape}`;
            messages.set(key, (messages.get(key) ?? 0) + 1);
            if (show === id) console.log(`  ${f}:${where(index, report)} ${report.message}`);
          },
        });
      } catch (error) {
        crashes.push(`${f}: ${rule.meta.id}: ${error?.stack ?? error}`);
      }
    }
  }
  const ms = performance.now() - started;
  const total = [...perRule.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${folder}: ${files.length} files, ${parseFailures.length} parse failures, ${crashes.length} crashes, ${total} findings, ${ms.toFixed(0)} ms`);
  for (const [id, n] of perRule) console.log(`  ${String(n).padStart(5)}  ${id}`);
  console.log(`  most frequent findings (${top}):`);
  for (const [key, n] of [...messages].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${String(n).padStart(5)}  ${key}`);
  for (const p of parseFailures) console.log(`  PARSE FAILURE ${p}`);
  for (const c of crashes) console.log(`  CRASH ${c}`);
  if (parseFailures.length > 0 || crashes.length > 0) failed = true;
}
process.exit(failed ? 1 : 0);
