#!/usr/bin/env node
/**
 * npm run bench — slipway's speed and memory figures, printed side by side with peer tools on the
 * same input. Figures are printed, never asserted: targets live here, not in unit tests.
 *
 *   1. lint throughput in one process over ../shared/corpus, per file kind, against
 *      dockerfile-utils' validate(), dockerfilelint and raw dockerfile-ast parsing (the lower bound);
 *   2. the CLI cold: the whole corpus in one invocation, and a single file (wall time, peak RSS);
 *   3. `generate` per preset;
 *   4. how lint time grows with file size (1 KB → 10 MB Dockerfile and .gitlab-ci.yml);
 *   5. how it grows with the number of instructions (1,000 → 256,000 one-line RUN and ENV lines).
 *
 * The corpus parts are skipped with a message when ../shared is absent (a user's clone).
 * Options: --quick (fewer repetitions, sizes up to 1 MB, counts up to 16,000), --json (machine-readable figures).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, '..', 'shared');
const CORPUS = join(SHARED, 'corpus');
const QUICK = process.argv.includes('--quick');
const JSON_OUT = process.argv.includes('--json');
const require = createRequire(import.meta.url);

if (!existsSync(join(ROOT, 'dist', 'index.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const { lintText } = await import(join(ROOT, 'dist', 'lint', 'index.js'));
const { resolveDescriptor, listPresets } = await import(join(ROOT, 'dist', 'descriptor', 'index.js'));
const { generate } = await import(join(ROOT, 'dist', 'generate', 'index.js'));

const figures = { date: new Date().toISOString(), machine: machine(), sections: {} };
const say = (line = '') => {
  if (!JSON_OUT) console.log(line);
};

function machine() {
  const c = cpus();
  return `${c.length} × ${c[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

function filesIn(dir, keep = () => true) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesIn(path, keep));
    else if (entry.isFile() && keep(entry.name)) out.push(path);
  }
  return out.sort();
}

/**
 * Runs `fn` over all inputs for at least `minMs` (after one warm-up pass); returns files/s and MB/s from
 * wall time, and the process's CPU time per pass: on a shared machine the wall time also counts the
 * time other processes held the cores, the CPU time much less (it includes V8's helper threads).
 */
async function throughput(inputs, fn, minMs = QUICK ? 500 : 2000) {
  for (const input of inputs) await fn(input);
  let passes = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let elapsed = 0;
  do {
    for (const input of inputs) await fn(input);
    passes++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  const cpu = process.cpuUsage(cpuStart);
  const bytes = inputs.reduce((n, i) => n + Buffer.byteLength(i.text), 0);
  return {
    filesPerSecond: Math.round((inputs.length * passes * 1000) / elapsed),
    mbPerSecond: +((bytes * passes) / 2 ** 20 / (elapsed / 1000)).toFixed(2),
    msPerPass: +(elapsed / passes).toFixed(1),
    cpuMsPerPass: +((cpu.user + cpu.system) / 1000 / passes).toFixed(1),
  };
}

function table(rows, columns) {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  say(columns.map((c, i) => c.padEnd(widths[i])).join('  '));
  say(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) say(columns.map((c, i) => String(r[c] ?? '').padEnd(widths[i])).join('  '));
}

// ---------------------------------------------------------------- 1. in-process throughput
const kinds = [
  { kind: 'dockerfile', dir: 'dockerfiles', keep: (n) => !n.endsWith('.tsv') },
  { kind: 'gitlab-ci', dir: 'gitlab-ci', keep: (n) => n.endsWith('.yml') || n.endsWith('.yaml') },
  { kind: 'makefile', dir: 'makefiles', keep: (n) => !n.endsWith('.tsv') },
  { kind: 'tox', dir: 'tox', keep: (n) => n.endsWith('.ini') },
];

say(`slipway bench — ${figures.date.slice(0, 10)} — ${figures.machine} — load average ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
say();
if (!existsSync(CORPUS)) {
  say('1–2. corpus throughput and CLI: skipped (../shared/corpus is not present)');
} else {
  say('1. Lint throughput in one process over ../shared/corpus (all rules of the kind; warm)');
  const rows = [];
  for (const { kind, dir, keep } of kinds) {
    const inputs = filesIn(join(CORPUS, dir), keep).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    if (inputs.length === 0) continue;
    const filename = kind === 'dockerfile' ? 'Dockerfile' : kind === 'gitlab-ci' ? '.gitlab-ci.yml' : kind === 'makefile' ? 'Makefile' : 'tox.ini';
    const r = await throughput(inputs, (i) => lintText(i.text, { kind, filename }));
    rows.push({ kind, tool: 'slipway lintText', files: inputs.length, ...r });
    if (kind === 'dockerfile') {
      const { DockerfileParser } = require('dockerfile-ast');
      const utils = require('dockerfile-utils');
      const dockerfilelint = require('dockerfilelint');
      rows.push({ kind, tool: 'dockerfile-ast parse (lower bound)', files: inputs.length, ...(await throughput(inputs, (i) => DockerfileParser.parse(i.text))) });
      rows.push({ kind, tool: 'dockerfile-utils validate()', files: inputs.length, ...(await throughput(inputs, (i) => utils.validate(i.text))) });
      rows.push({
        kind,
        tool: 'dockerfilelint run()',
        files: inputs.length,
        ...(await throughput(inputs, (i) => {
          try {
            dockerfilelint.run(ROOT, i.text);
          } catch {
            // dockerfilelint throws on some valid files; the time is still spent
          }
        })),
      });
    }
  }
  table(rows, ['kind', 'tool', 'files', 'filesPerSecond', 'mbPerSecond', 'msPerPass', 'cpuMsPerPass']);
  figures.sections.throughput = rows;
  say();

  // -------------------------------------------------------------- 2. CLI cold
  say('2. The CLI cold (a new process each run; wall time and peak RSS of the process)');
  const cli = (args, cwd = ROOT) => {
    const code = `process.on('exit',()=>process.stderr.write('\\nSLIPWAY_MAXRSS_KB '+process.resourceUsage().maxRSS+'\\n'));` +
      `process.argv=[process.argv[0],'slipway',...${JSON.stringify(args)}];await import(${JSON.stringify(join(ROOT, 'dist', 'cli', 'main.js'))});`;
    const start = performance.now();
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd, encoding: 'utf8', maxBuffer: 256 * 2 ** 20, env: { ...process.env, NO_COLOR: '1' } });
    const ms = performance.now() - start;
    const rss = Number(/SLIPWAY_MAXRSS_KB (\d+)/.exec(r.stderr ?? '')?.[1] ?? NaN);
    return { ms: Math.round(ms), peakRssMB: Math.round(rss / 1024), status: r.status };
  };
  const runs = QUICK ? 1 : 3;
  const best = (args) => {
    let bestRun;
    for (let i = 0; i < runs; i++) {
      const r = cli(args);
      if (!bestRun || r.ms < bestRun.ms) bestRun = r;
    }
    return bestRun;
  };
  const cliRows = [
    { what: `whole corpus, one invocation (${['dockerfiles', 'gitlab-ci', 'makefiles', 'tox'].join(', ')})`, ...best(['lint', '--format', 'json', '-o', join(tmpdir(), 'slipway-bench.json'), ...['dockerfiles', 'gitlab-ci', 'makefiles', 'tox'].map((d) => join(CORPUS, d))]) },
    { what: 'one Dockerfile', ...best(['lint', join(CORPUS, 'dockerfiles', readdirSync(join(CORPUS, 'dockerfiles')).find((n) => !n.endsWith('.tsv')) ?? '')]) },
    { what: 'slipway --version (process start)', ...best(['--version']) },
  ];
  table(cliRows, ['what', 'ms', 'peakRssMB', 'status']);
  figures.sections.cli = cliRows;
  say();
}

// ---------------------------------------------------------------- 3. generate per preset
say('3. generate per preset (descriptor → files, in process, warm)');
const genRows = [];
for (const preset of listPresets()) {
  const project = resolveDescriptor(`name: bench-app\nextends: ${preset}\n`, 'slipway.yaml');
  await generate(project);
  const n = QUICK ? 5 : 20;
  const start = performance.now();
  let files = [];
  for (let i = 0; i < n; i++) files = await generate(project);
  genRows.push({ preset, files: files.length, msPerGenerate: +((performance.now() - start) / n).toFixed(1) });
}
table(genRows, ['preset', 'files', 'msPerGenerate']);
figures.sections.generate = genRows;
say();

// ---------------------------------------------------------------- 4. scaling with size
say('4. Lint time against file size (must grow linearly: ms/MB roughly constant)');
const dockerBlock = [
  'FROM python:3.13-slim-bookworm AS build{{i}}',
  'ARG VERSION=1.{{i}}',
  'RUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*',
  'COPY requirements.txt ./',
  'RUN pip install --no-cache-dir -r requirements.txt',
  'ENV APP_{{i}}=value',
  '',
].join('\n');
const ciBlock = [
  'job-{{i}}:',
  '  stage: test',
  '  image: python:3.13-slim',
  '  variables:',
  '    LEVEL: "{{i}}"',
  '  script:',
  '    - pip install --no-cache-dir -r requirements.txt',
  '    - python -m pytest -k "case{{i}}"',
  '',
].join('\n');
const sizes = QUICK ? [1e3, 1e4, 1e5, 1e6] : [1e3, 1e4, 1e5, 1e6, 1e7];
const scaleRows = [];
for (const [kind, filename, head, block] of [
  ['dockerfile', 'Dockerfile', '', dockerBlock],
  ['gitlab-ci', '.gitlab-ci.yml', 'stages: [test]\n', ciBlock],
]) {
  for (const size of sizes) {
    let text = head;
    for (let i = 0; text.length < size; i++) text += block.replaceAll('{{i}}', String(i));
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    const findings = await lintText(text, { kind, filename });
    const ms = performance.now() - start;
    const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    scaleRows.push({
      kind,
      size: size >= 1e6 ? `${size / 1e6} MB` : `${size / 1e3} KB`,
      ms: Math.round(ms),
      msPerMB: Math.round(ms / (text.length / 2 ** 20)),
      heapDeltaMB: Math.round(heapMB),
      findings: findings.length,
    });
  }
}
table(scaleRows, ['kind', 'size', 'ms', 'msPerMB', 'heapDeltaMB', 'findings']);
figures.sections.scaling = scaleRows;
say();

// ---------------------------------------------------------------- 5. scaling with instruction count
// The worst case per byte: one-line instructions, so every per-instruction cost shows (the shell checks
// once read every earlier RUN for each RUN, and each ENV copied all earlier ones: both quadratic).
say('5. Lint time against instruction count (one-line instructions in one stage; µs/instruction must stay flat)');
const counts = QUICK ? [1_000, 4_000, 16_000] : [1_000, 4_000, 16_000, 64_000, 256_000];
const countRows = [];
for (const [series, line] of [
  ['RUN echo lineN && true', (i) => `RUN echo line${i} && true\n`],
  ['ENV V_N=N', (i) => `ENV V_${i}=${i}\n`],
  ['RUN apt-get update && install', (i) => `RUN apt-get update && apt-get install -y --no-install-recommends p${i}=1\n`],
]) {
  for (const n of counts) {
    const parts = ['FROM debian:12\n'];
    for (let i = 0; i < n; i++) parts.push(line(i));
    const text = parts.join('');
    const start = performance.now();
    const findings = await lintText(text, { kind: 'dockerfile' });
    const ms = performance.now() - start;
    countRows.push({ series, instructions: n, sizeMB: +(text.length / 2 ** 20).toFixed(2), ms: Math.round(ms), usPerInstruction: Math.round((ms * 1000) / n), findings: findings.length });
  }
}
table(countRows, ['series', 'instructions', 'sizeMB', 'ms', 'usPerInstruction', 'findings']);
figures.sections.instructions = countRows;
say();
say(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);

if (JSON_OUT) console.log(JSON.stringify(figures, null, 2));
