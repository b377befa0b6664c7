#!/usr/bin/env node
/**
 * slipway against the CD-Linter study's labels (Vassallo et al., ESEC/FSE 2020; data in
 * ../shared/cd-linter, described in ../shared/notes/cd-linter.md).
 *
 * For every row of gold.tsv whose `local_copy` is a `.gitlab-ci.yml` file, the file is linted as a
 * project's `.gitlab-ci.yml` (its includes are not available: rules that need the whole pipeline stay
 * silent, as for any unreadable include), and each labeled smell is looked for among the findings of
 * the slipway rules that stand for it:
 *   Fake Success     gitlab-ci/allow-failure, gitlab-ci/script-failure-ignored
 *   Retry Failure    gitlab-ci/retry-script-failure
 *   Manual Execution gitlab-ci/manual-job-outside-deploy
 *   Fuzzy Version    gitlab-ci/pip-package-unpinned (no version), gitlab-ci/install-version-range (ranges)
 * Matching follows the note's advice (CD-Linter's line numbers are quirky):
 * - job smells match on the JOB: a finding counts for a job when it lies on a node the job reaches,
 *   i.e. in the job's own mapping or in what it inherits (a `<<:` anchor, `extends:`, `default:`),
 *   so a finding reported once at a template counts for every job that uses the template;
 * - Fuzzy Version matches on the DEPENDENCY: the reported word names the package (CD-Linter cut names
 *   at a hyphen, so `docker` matches `docker-compose`).
 *
 * Prints, per smell: labeled positives found / total, and how many of the occurrences the study's
 * raters judged false positives (`role` = negative) slipway still reports; then the misses and the
 * false positives still reported, as file:job. Exit status 1 when a smell's found rate drops below
 * its threshold (set just under what slipway achieves, so CI catches regressions); a smell whose
 * rules are not all registered is measured but not held to its threshold.
 *
 * Differences by design (listed among the misses): `allow_failure: true` on a manual job (GitLab's
 * default there: removing it changes nothing) and on security scanners with a security report;
 * `retry` limited to infrastructure failures; manual jobs that deploy by their own account
 * (`environment:`, GitLab Pages, after a delivery stage).
 *
 * Needs `npx tsc -p tsconfig.build.json` first (imports dist/); skips with a message when the data is
 * absent. `--verbose` also lists what was found.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const data = resolve(root, '../shared/cd-linter');
const goldPath = join(data, 'gold.tsv');
if (!existsSync(goldPath)) {
  console.log(`skipped: the CD-Linter data is not under ${relative(process.cwd(), data) || data}`);
  process.exit(0);
}
const dist = join(root, 'dist/lint/gitlab-ci/index.js');
if (!existsSync(dist)) {
  console.error('dist/ is missing: run `npx tsc -p tsconfig.build.json` first');
  process.exit(2);
}
const { lintGitlabCi, memoryEnv, buildModel, gitlabCiRules } = await import(dist);
const VERBOSE = process.argv.includes('--verbose');

/** The slipway rules that stand for each smell, and the found rate (%) below which the script fails. */
const SMELLS = {
  'Fake Success': { rules: ['gitlab-ci/allow-failure', 'gitlab-ci/script-failure-ignored'], threshold: 91 },
  'Retry Failure': { rules: ['gitlab-ci/retry-script-failure'], threshold: 98 },
  'Manual Execution': { rules: ['gitlab-ci/manual-job-outside-deploy'], threshold: 88 },
  'Fuzzy Version': { rules: ['gitlab-ci/pip-package-unpinned', 'gitlab-ci/install-version-range'], threshold: 93 },
};
const known = new Set(gitlabCiRules.map((r) => r.meta.id));

// gold.tsv: project, local_copy, smell, cdlinter_category, subcategory, job_or_dep, line, role, …
const [header, ...lines] = readFileSync(goldPath, 'utf8').trimEnd().split('\n');
const cols = header.split('\t');
const col = (name) => {
  const i = cols.indexOf(name);
  if (i < 0) throw new Error(`gold.tsv has no column ${name}`);
  return i;
};
const [cFile, cSmell, cName, cLine, cRole] = ['local_copy', 'smell', 'job_or_dep', 'line', 'role'].map(col);
const rows = lines
  .map((l) => l.split('\t'))
  .filter((f) => f[cFile].endsWith('.gitlab-ci.yml') && SMELLS[f[cSmell]])
  .map((f) => ({ file: f[cFile], smell: f[cSmell], name: f[cName], line: Number(f[cLine]), role: f[cRole] }));

/** Line start offsets of a text, for line:column → offset. */
function lineStarts(text) {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') out.push(i + 1);
  return out;
}

/** Every span a job reaches: its own mapping, and every key and value of its resolved mapping. */
function jobSpans(doc, name) {
  const job = doc.job(name);
  // CD-Linter reads `default:` (and any top-level key) as a job.
  const top = job ? undefined : doc.config.pairs.find((p) => String(p.key.value) === name)?.value;
  const start = job ? job.resolved : top;
  if (!start) return undefined;
  const spans = [];
  if (job) for (const def of job.definitions) spans.push(def.span);
  const seen = new Set();
  const stack = [start];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || seen.has(node)) continue;
    seen.add(node);
    if (node.file.path === doc.file.path) spans.push(node.span);
    if (node.kind === 'map') {
      for (const pair of node.pairs) {
        if (pair.key.file.path === doc.file.path) spans.push(pair.key.span);
        stack.push(pair.value);
      }
    } else if (node.kind === 'seq') {
      stack.push(...node.items);
    }
  }
  return spans;
}

/** A package name as CD-Linter would compare it: lower case, `_` and `.` as `-`. */
const norm = (s) => s.toLowerCase().replace(/[_.]+/g, '-');

/** The package a requirement word names: `Flask[async]>=2` → flask, `git+https://host/org/ase.git@master` → ase. */
function packageOf(word) {
  let w = word.replace(/^["']|["']$/g, '');
  if (w.includes('://')) {
    w = w.replace(/#.*$/, '').replace(/@[^/@]*$/, '');
    w = w.split('/').filter((p) => p !== '').pop() ?? '';
    w = w.replace(/\.(git|zip|tar\.gz|tgz|whl)$/, '');
  }
  return norm(w.replace(/[[<>=!~;@ ].*$/, ''));
}

/** True when a requirement word names the dependency (CD-Linter cut names at a hyphen). */
function namesDependency(word, dep) {
  const pkg = packageOf(word);
  const d = norm(dep);
  return pkg !== '' && (pkg === d || pkg.startsWith(`${d}-`));
}

/**
 * True when a Fuzzy Version finding stands for the dependency: its word names it, or (the
 * `*-package-unpinned` checks report once per install command, on the first unpinned package) a
 * word after it on the same line names it without an exact pin.
 */
function fuzzyMatches(f, text, starts, dep) {
  if (namesDependency(f.word, dep)) return true;
  if (f.ruleId !== 'gitlab-ci/pip-package-unpinned') return false;
  const lineEnd = text.indexOf('\n', f.start);
  const rest = text.slice(f.start, lineEnd < 0 ? text.length : lineEnd);
  const words = rest.split(/\s+/);
  const end = words.findIndex((w) => /^(&&|\|\|?|;|>|2>|#)/.test(w));
  return words.slice(0, end < 0 ? words.length : end).some((w) => !w.startsWith('-') && !w.includes('==') && namesDependency(w, dep));
}

const results = new Map(Object.keys(SMELLS).map((s) => [s, { pos: 0, found: 0, neg: 0, reported: 0, misses: [], reportedFps: [], hits: [] }]));
const byFile = new Map();
for (const row of rows) byFile.set(row.file, [...(byFile.get(row.file) ?? []), row]);

let crashes = 0;
const missingRules = new Set();
for (const [file, fileRows] of byFile) {
  const text = readFileSync(join(data, file), 'utf8');
  const source = { path: '.gitlab-ci.yml', text, kind: 'gitlab-ci' };
  let findings;
  let doc;
  try {
    findings = lintGitlabCi(source, memoryEnv({ '.gitlab-ci.yml': text })).filter((f) => f.file === '.gitlab-ci.yml');
    doc = buildModel(source, memoryEnv({ '.gitlab-ci.yml': text })).doc;
  } catch (error) {
    crashes++;
    console.log(`CRASH ${file}: ${error?.stack ?? error}`);
    continue;
  }
  const starts = lineStarts(text);
  const located = findings.map((f) => {
    const start = (starts[f.line - 1] ?? 0) + f.column - 1;
    const end = (starts[f.endLine - 1] ?? 0) + f.endColumn - 1;
    return { ...f, start, end, word: text.slice(start, end) };
  });
  for (const row of fileRows) {
    const smell = SMELLS[row.smell];
    for (const id of smell.rules) if (!known.has(id)) missingRules.add(id);
    const candidates = located.filter((f) => smell.rules.includes(f.ruleId));
    let match;
    let why = '';
    if (!doc) {
      why = 'file not parsed';
    } else if (row.smell === 'Fuzzy Version') {
      match = candidates.find((f) => fuzzyMatches(f, text, starts, row.name));
    } else {
      const spans = jobSpans(doc, row.name);
      if (!spans) why = 'job not in the model';
      else match = candidates.find((f) => spans.some((s) => f.start >= s.start && (f.start < s.end || f.start === s.start)));
    }
    const r = results.get(row.smell);
    const where = `${file.replace(/^files\//, '')}:${row.name} (line ${row.line})${why ? ` — ${why}` : ''}`;
    if (row.role === 'positive') {
      r.pos++;
      if (match) {
        r.found++;
        r.hits.push(`${where} ← ${match.line}:${match.column} [${match.ruleId}]`);
      } else r.misses.push(where);
    } else {
      r.neg++;
      if (match) {
        r.reported++;
        r.reportedFps.push(`${where} ← ${match.line}:${match.column} [${match.ruleId}]`);
      }
    }
  }
}

const pct = (a, b) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
console.log(`CD-Linter gold labels in .gitlab-ci.yml files: ${rows.length} rows in ${byFile.size} files\n`);
console.log('smell              labeled found   rate    | judged FP  still reported (CD-Linter: all)');
let failed = crashes > 0;
let totals = { pos: 0, found: 0, neg: 0, reported: 0 };
for (const [name, r] of results) {
  totals = { pos: totals.pos + r.pos, found: totals.found + r.found, neg: totals.neg + r.neg, reported: totals.reported + r.reported };
  const rate = r.pos === 0 ? 100 : (100 * r.found) / r.pos;
  const enforced = SMELLS[name].rules.every((id) => known.has(id));
  const below = enforced && rate < SMELLS[name].threshold;
  if (below) failed = true;
  console.log(
    `${name.padEnd(18)} ${String(r.pos).padStart(7)} ${String(r.found).padStart(5)}   ${pct(r.found, r.pos).padStart(6)}  | ${String(r.neg).padStart(9)}  ${String(r.reported).padStart(5)}${below ? `   BELOW THRESHOLD ${SMELLS[name].threshold}%` : ''}`,
  );
}
console.log(`${'all'.padEnd(18)} ${String(totals.pos).padStart(7)} ${String(totals.found).padStart(5)}   ${pct(totals.found, totals.pos).padStart(6)}  | ${String(totals.neg).padStart(9)}  ${String(totals.reported).padStart(5)}`);
if (missingRules.size > 0) console.log(`\nrules not registered (their smells are measured but not held to a threshold): ${[...missingRules].join(', ')}`);
if (crashes > 0) console.log(`\ncrashes: ${crashes}`);

for (const [name, r] of results) {
  if (r.misses.length > 0) {
    console.log(`\n${name}: labeled smells not found (${r.misses.length})`);
    for (const m of r.misses) console.log(`  ${m}`);
  }
  if (r.reportedFps.length > 0) {
    console.log(`\n${name}: judged false positives still reported (${r.reportedFps.length})`);
    for (const m of r.reportedFps) console.log(`  ${m}`);
  }
  if (VERBOSE && r.hits.length > 0) {
    console.log(`\n${name}: found`);
    for (const m of r.hits) console.log(`  ${m}`);
  }
}
process.exit(failed ? 1 : 0);
