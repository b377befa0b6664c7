#!/usr/bin/env node
/**
 * slipway's gitlab-ci rules over real GitLab CI files: GitLab's own templates
 * (../shared/gitlab/templates) and a corpus of public `.gitlab-ci.yml` files
 * (../shared/corpus/gitlab-ci), paths relative to the project root.
 *
 * Checks, each failing the script (exit status 1):
 * - no crash on any file;
 * - every file GitLab's JSON schema accepts (validated with ajv as GitLab's editor does) gets no
 *   error from slipway's STRUCTURE rules (STRUCTURE_RULE_IDS) in that file: no false structural
 *   errors (findings slipway places in a file it includes are that file's);
 * - a file that is not valid YAML gets exactly one finding, a parse error with its position.
 * Prints the findings per rule and the time taken.
 *
 * How the schema is applied: YAML read as GitLab reads it (YAML 1.1, `<<` merges, duplicate keys
 * keep the last value, `!reference` as a list), then the configuration document validated as a
 * whole (and a component's `spec:` header on its own).
 *
 * How slipway is run: each file under its path in its repository (SOURCES.tsv), with the other
 * corpus files of the same repository readable for `include: local`. Includes the corpus lacks
 * count as missing files (gitlab-ci/missing-include), and the rules that need the whole pipeline
 * then stay silent, as for any unreadable include.
 *
 * Needs `npx tsc -p tsconfig.build.json` first (imports dist/); skips with a message when the
 * shared data is absent. `--verbose` lists every finding.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shared = resolve(root, '../shared');
const dirs = [join(shared, 'gitlab/templates'), join(shared, 'corpus/gitlab-ci')].filter((d) => existsSync(d));
const schemaPath = join(shared, 'gitlab/ci.schema.json');
if (dirs.length === 0 || !existsSync(schemaPath)) {
  console.log(`skipped: the GitLab CI corpus or schema is not under ${relative(process.cwd(), shared) || shared}`);
  process.exit(0);
}
const dist = join(root, 'dist/lint/gitlab-ci/index.js');
if (!existsSync(dist)) {
  console.error('dist/ is missing: run `npx tsc -p tsconfig.build.json` first');
  process.exit(2);
}
const { lintGitlabCi, memoryEnv, STRUCTURE_RULE_IDS } = await import(dist);
const { compileGitlabSchema } = await import('./lib/gitlab-schema.mjs');
const VERBOSE = process.argv.includes('--verbose');

const validate = compileGitlabSchema(schemaPath);

/** corpus file name → { repo, path } from a directory's SOURCES.tsv (local_file|file, repo, path). */
function sources(dir) {
  const out = new Map();
  const tsv = join(dir, 'SOURCES.tsv');
  if (!existsSync(tsv)) return out;
  const [header, ...lines] = readFileSync(tsv, 'utf8').trim().split('\n');
  const cols = header.split('\t');
  const at = (name) => cols.indexOf(name);
  const fileCol = at('file') >= 0 ? at('file') : at('local_file');
  for (const line of lines) {
    const f = line.split('\t');
    if (f[fileCol] && f[at('path')]) out.set(f[fileCol], { repo: f[at('repo')] ?? '', path: f[at('path')] });
  }
  return out;
}

/** For each file: its path in its repository and an env that reads the repository's other corpus files. */
function placeFiles(dir, paths) {
  const meta = sources(dir);
  const byRepo = new Map();
  const placed = paths.map((abs) => {
    const name = relative(dir, abs).split('\\').join('/');
    const m = meta.get(name);
    const repo = m?.repo ?? '';
    // GitLab's templates are listed by their path in GitLab's repository: keep their file name.
    const path = m && dir.endsWith('corpus/gitlab-ci') ? m.path : name;
    const files = byRepo.get(repo) ?? {};
    byRepo.set(repo, files);
    return { abs, path, repo, files };
  });
  for (const p of placed) p.files[p.path] = readFileSync(p.abs, 'utf8');
  return placed;
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

/** true / false for the schema's verdict; undefined when the text is not YAML. */
function schemaAccepts(text) {
  const docs = parseAllDocuments(text, {
    version: '1.1',
    uniqueKeys: false,
    customTags: [{ tag: '!reference', collection: 'seq', resolve: (seq) => seq }],
  });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.some((d) => d.errors.length > 0)) return undefined;
  const values = list.map((d) => d.toJS({ maxAliasCount: 10_000 }));
  const hasHeader = values.length >= 2 && values[0] && typeof values[0] === 'object' && 'spec' in values[0];
  const config = hasHeader ? values[1] : values[0];
  if (hasHeader && !validate({ spec: values[0].spec })) return false;
  return validate(config ?? {});
}

const structure = new Set(STRUCTURE_RULE_IDS);
const perRule = new Map();
const crashes = [];
const falseStructural = [];
const badParse = [];
let files = 0;
let accepted = 0;
let invalidYaml = 0;
let lintMs = 0;
const started = performance.now();
for (const dir of dirs) {
  for (const { abs, path: repoPath, files: repoFiles } of placeFiles(dir, listYaml(dir))) {
    files++;
    const rel = relative(shared, abs).split('\\').join('/');
    const text = repoFiles[repoPath];
    const verdict = schemaAccepts(text);
    if (verdict) accepted++;
    let findings;
    const t0 = performance.now();
    try {
      findings = lintGitlabCi({ path: repoPath, text, kind: 'gitlab-ci' }, memoryEnv(repoFiles));
    } catch (error) {
      crashes.push({ rel, error });
      continue;
    } finally {
      lintMs += performance.now() - t0;
    }
    for (const f of findings) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
    const parseErrors = findings.filter((f) => f.ruleId === 'parse-error');
    if (verdict === undefined || parseErrors.length > 0) {
      invalidYaml++;
      if (verdict !== undefined || parseErrors.length !== 1 || findings.length !== 1) badParse.push({ rel, verdict, findings });
      else if (VERBOSE) console.log(`invalid YAML: ${rel}:${parseErrors[0].line}:${parseErrors[0].column} ${parseErrors[0].message}`);
    }
    if (verdict) {
      // Findings in included files belong to those files (the schema judged only this one).
      const wrong = findings.filter((f) => structure.has(f.ruleId) && f.severity === 'error' && f.file === repoPath);
      if (wrong.length > 0) falseStructural.push({ rel, wrong });
    }
    if (VERBOSE) for (const f of findings) console.log(`${rel} ${f.file}:${f.line}:${f.column} ${f.severity} ${f.message} [${f.ruleId}]`);
  }
}
const totalMs = performance.now() - started;

console.log(`files: ${files} (templates and corpus); accepted by GitLab's schema: ${accepted}; not valid YAML: ${invalidYaml}`);
console.log(`crashes: ${crashes.length}`);
console.log(`schema-accepted files with a structural error from slipway: ${falseStructural.length}`);
console.log(`invalid YAML files without exactly one parse finding: ${badParse.length}`);
console.log('\nfindings per rule:');
for (const [rule, count] of [...perRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
  console.log(`  ${String(count).padStart(6)}  ${rule}${structure.has(rule) ? '  (structure)' : ''}`);
}
console.log(`\ntime: ${totalMs.toFixed(0)} ms in all, ${lintMs.toFixed(0)} ms linting (${(lintMs / Math.max(1, files)).toFixed(1)} ms per file)`);

for (const { rel, error } of crashes) console.log(`\nCRASH ${rel}\n  ${error?.stack ?? error}`);
for (const { rel, wrong } of falseStructural) {
  console.log(`\nFALSE STRUCTURAL ERROR (the schema accepts ${rel})`);
  for (const f of wrong) console.log(`  ${f.line}:${f.column} ${f.message} [${f.ruleId}]`);
}
for (const { rel, verdict, findings } of badParse) {
  console.log(`\nPARSE ${rel} (schema: ${verdict === undefined ? 'not YAML' : verdict})`);
  for (const f of findings.slice(0, 5)) console.log(`  ${f.line}:${f.column} ${f.message} [${f.ruleId}]`);
}
process.exit(crashes.length + falseStructural.length + badParse.length === 0 ? 0 : 1);
