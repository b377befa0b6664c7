/**
 * The shell of GitLab CI jobs: every `script`, `before_script`, `after_script` and
 * `hooks:pre_get_sources_script` line parsed by the same shell parser as a Dockerfile `RUN`, with
 * positions in the YAML file, and shell checks (../shell/check.ts) run on them as `gitlab-ci/<name>`
 * rules.
 *
 * Adding a shell check to GitLab CI (its `hosts` include 'gitlab-ci'): one file
 * `rules/<name>.ts` holding
 *
 *   import check from '../../shell/checks/<name>.js';
 *   import { gitlabCiShellRule } from '../shell-rule.js';
 *   export default gitlabCiShellRule(check);
 *
 * and one line in rules/index.ts.
 *
 * For gitlab-ci rules that read scripts themselves (docker login, ssh-keyscan …): `scriptLines(doc)`
 * gives each line once per job that runs it, with its parsed script (`scriptOf(line)`), and
 * `lineFixes(line, fixes)` keeps a fix only when the edit is safe in the YAML scalar it lands in.
 *
 * Positions: a line's text is its scalar's VALUE (quotes, escapes, block indentation and folding
 * removed); `valueOffset` (yaml/offsets.ts) maps each value character to the file, and the map
 * handed to the shell parser is verbatim where the value is copied from the file unchanged and
 * synthetic elsewhere (an escape, a folded line break), so findings land on the written word and a
 * fix is applied only where the text is copied unchanged.
 */
import type { Fix, Rule, RuleExample } from '../engine/types.js';
import { ensureShellReady } from '../engine/shell-init.js';
import type { ShellCheck, ShellExample } from '../shell/check.js';
import { ScriptHistory } from '../shell/history.js';
import type { ShellScript } from '../shell/model.js';
import { parseShell } from '../shell/parse.js';
import { SourceMap } from '../shell/source-map.js';
import type { CiJob, GitlabCiDoc, ScriptLine } from './model/types.js';
import { at } from './support/report.js';
import { expandForJob, jobVariable } from './support/variables.js';
import { valueOffset } from './yaml/offsets.js';
import type { YScalar } from './yaml/nodes.js';

// The gitlab-ci rules run synchronously, also outside the lint engine (lintGitlabCi, tests,
// conformance scripts): load the shell grammar before any of them can run.
await ensureShellReady();

/** The image of wrapped examples when the example names none (the Dockerfile examples' default). */
export const DEFAULT_EXAMPLE_IMAGE = 'debian:bookworm-slim';

/** A script line of a job, with the lines that ran before it in the same job. */
export interface JobScriptLine {
  job: CiJob;
  line: ScriptLine;
  script: ShellScript;
  /** The scripts of the job's earlier lines (hooks, before_script, script, after_script order). */
  earlier: ScriptHistory;
}

/** Every line a job runs, in the order GitLab runs them. */
export function jobLines(job: CiJob): ScriptLine[] {
  return [...job.preGetSourcesScript, ...job.beforeScript, ...job.script, ...job.afterScript];
}

/**
 * Each script line once per job that runs it, jobs first; then the lines of hidden jobs that no
 * job runs (templates for the files that include this one), in the context of their hidden job.
 */
export function* scriptLines(doc: GitlabCiDoc): Generator<JobScriptLine> {
  const seen = new Set<YScalar>();
  for (const job of doc.jobs) {
    let earlier = ScriptHistory.EMPTY;
    for (const line of jobLines(job)) {
      seen.add(line.node);
      const script = scriptOf(line);
      yield { job, line, script, earlier };
      earlier = earlier.then(script);
    }
  }
  for (const job of doc.hiddenJobs) {
    let earlier = ScriptHistory.EMPTY;
    for (const line of jobLines(job)) {
      const script = scriptOf(line);
      if (!seen.has(line.node)) yield { job, line, script, earlier };
      earlier = earlier.then(script);
    }
  }
}

interface ParsedLine {
  script: ShellScript;
  /** File offsets where a value character starts or ends (not inside an escape or a block's indentation). */
  boundaries: ReadonlySet<number>;
}

const parsed = new WeakMap<YScalar, ParsedLine>();

function parseLine(line: ScriptLine): ParsedLine {
  let entry = parsed.get(line.node);
  if (!entry) {
    const { map, boundaries } = valueMap(line.node, line.text);
    entry = { script: parseShell(line.text, { map }), boundaries };
    parsed.set(line.node, entry);
  }
  return entry;
}

/** The parsed shell of a script line (parsed once, whichever job or rule asks). */
export function scriptOf(line: ScriptLine): ShellScript {
  return parseLine(line).script;
}

/** Parses a scalar's value as shell, with positions in the file (for values that hold commands). */
export function scriptOfScalar(node: YScalar): ShellScript {
  const text = node.value === null ? '' : String(node.value);
  return parseLine({ text, node, file: node.file, span: node.span, keyword: 'script', origin: 'job' }).script;
}

/** The value → file map of a scalar: verbatim runs where the file holds the value's characters. */
function valueMap(node: YScalar, text: string): { map: SourceMap; boundaries: Set<number> } {
  const file = node.file.text;
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) offsets.push(valueOffset(node, i));
  const map = new SourceMap(offsets[0] ?? node.span.start);
  const boundaries = new Set<number>();
  let i = 0;
  while (i < text.length) {
    const at = offsets[i]!;
    if (file[at] === text[i]) {
      let j = i + 1;
      while (j < text.length && offsets[j] === offsets[j - 1]! + 1 && file[offsets[j]!] === text[j]) j++;
      map.appendVerbatim(at, j - i);
      for (let k = at; k <= at + (j - i); k++) boundaries.add(k);
      i = j;
    } else {
      // An escape or a folded line break: the character stands for the file text up to the next one.
      const next = offsets[i + 1];
      const end = next !== undefined && next > at && !file.slice(at, next).includes('\n') ? next : at + 1;
      map.appendSynthetic(1, at, end);
      boundaries.add(at).add(end);
      i++;
    }
  }
  return { map, boundaries };
}

/**
 * The fixes of a finding on a script line, made safe for its YAML scalar, or undefined when one of
 * them is not safe (all or nothing): each edit must start and end between characters of the value
 * (never inside an escape such as `\"`), and its new text is escaped for the scalar's style (`"` and `\` in double quotes, `'` in single quotes);
 * text a plain or block scalar cannot hold as is (a line break, `#`, `: `, flow indicators in a
 * plain scalar) refuses the fix.
 */
export function lineFixes(node: YScalar, fixes: Fix | Fix[] | undefined): Fix[] | undefined {
  if (fixes === undefined) return undefined;
  const list = Array.isArray(fixes) ? fixes : [fixes];
  const boundaries = parsed.get(node)?.boundaries ?? valueMap(node, node.value === null ? '' : String(node.value)).boundaries;
  const out: Fix[] = [];
  for (const fix of list) {
    const [start, end] = fix.range;
    if (!boundaries.has(start) || !boundaries.has(end)) return undefined;
    const text = escapeFor(node, fix.text, start);
    if (text === undefined) return undefined;
    out.push({ range: [start, end], text });
  }
  return out;
}

function escapeFor(node: YScalar, text: string, at: number): string | undefined {
  switch (node.style) {
    case 'double':
      return text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n').replace(/\t/g, '\\t');
    case 'single':
      return text.includes('\n') ? undefined : text.replace(/'/g, "''");
    case 'literal':
    case 'folded':
      return text.includes('\n') ? undefined : text;
    case 'plain': {
      if (/[\n#]|: |:$/.test(text) || (inFlow(node) && /[,[\]{}]/.test(text))) return undefined;
      if (at === node.span.start && /^[-?:,[\]{}#&*!|>'"%@`\s]/.test(text)) return undefined;
      if (at === node.span.end && /\s$/.test(text)) return undefined;
      return text;
    }
  }
}

/** Whether a plain scalar is an item of a flow collection (`[a, b]`), where `,[]{}` end it. */
function inFlow(node: YScalar): boolean {
  const before = node.file.text.slice(Math.max(0, node.span.start - 200), node.span.start).trimEnd();
  return before.endsWith('[') || before.endsWith(',') || before.endsWith('{');
}

/** A shell check as the GitLab CI rule `gitlab-ci/<name>`, run on every script line of every job. */
export function gitlabCiShellRule(check: ShellCheck): Rule<GitlabCiDoc> {
  if (!check.hosts.includes('gitlab-ci')) {
    throw new Error(`shell check ${check.name} does not apply to GitLab CI (hosts: ${check.hosts.join(', ')})`);
  }
  return {
    meta: {
      id: `gitlab-ci/${check.name}`,
      kind: 'gitlab-ci',
      severity: check.severity,
      description: check.description,
      rationale: check.rationale,
      howToFix: check.howToFix,
      fixable: check.fixable,
      aliases: check.aliases?.['gitlab-ci'] ?? [],
      examples: {
        bad: check.examples.bad.map(wrapShellExample),
        good: check.examples.good.map(wrapShellExample),
      },
    },
    check(ctx) {
      // A template's line reaches every job that extends it: report each place once.
      const seen = new Set<string>();
      for (const { job, line, script, earlier } of scriptLines(ctx.doc)) {
        check.check({
          host: 'gitlab-ci',
          script,
          variable: (name) => jobVariable(ctx.doc, job, name)?.text,
          mounts: [],
          image: jobImage(ctx.doc, job),
          earlier,
          report: (r) => {
            const id = `${line.file.path}\u0000${r.span.start}\u0000${r.span.end}`;
            if (seen.has(id)) return;
            seen.add(id);
            const fix = lineFixes(line.node, r.fix);
            ctx.report({ message: r.message, ...at(ctx, { file: line.file, span: r.span }), ...(fix ? { fix } : {}) });
          },
        });
      }
    },
  };
}

/** The job's `image:` with the file's variables expanded (unknown ones kept as `$X`). */
function jobImage(doc: GitlabCiDoc, job: CiJob): string | undefined {
  const name = job.image?.name?.value;
  return typeof name === 'string' ? expandForJob(doc, job, name).value : undefined;
}

/** A shell example as a `.gitlab-ci.yml`: a job with the example's image, variables and script. */
export function wrapShellExample(example: ShellExample): RuleExample {
  const out: RuleExample = { code: wrapJob(example, example.script) };
  if (example.output !== undefined) out.output = wrapJob(example, example.output);
  if (example.note !== undefined) out.note = example.note;
  return out;
}

function wrapJob(example: ShellExample, script: string): string {
  const lines = ['job:', `  image: ${example.image ?? DEFAULT_EXAMPLE_IMAGE}`];
  const variables = Object.entries(example.variables ?? {});
  if (variables.length > 0) {
    lines.push('  variables:');
    for (const [name, value] of variables) lines.push(`    ${name}: ${JSON.stringify(value)}`);
  }
  lines.push('  script:');
  if (!script.includes('\n') && isPlainSafe(script)) lines.push(`    - ${script}`);
  else {
    lines.push('    - |');
    for (const l of script.split('\n')) lines.push(l === '' ? '' : `      ${l}`);
  }
  return lines.join('\n') + '\n';
}

/** A one-line script that YAML reads back unchanged as a plain scalar. */
function isPlainSafe(script: string): boolean {
  return !/^[-?:,[\]{}#&*!|>'"%@`\s]|: | #|:$|\s$/.test(script) && !/^(?:true|false|yes|no|on|off|null|~|[-+]?\d[\d._]*(?:e[-+]?\d+)?)$/i.test(script);
}
