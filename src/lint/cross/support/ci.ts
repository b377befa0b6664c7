/**
 * The CI side of cross-file checks: every `.gitlab-ci.yml` of the run, each job's script lines
 * parsed as shell with positions in the YAML file, and the directory each command runs in.
 */
import { posix } from 'node:path';
import type { ProjectDoc } from '../../engine/project.js';
import type { SourceFile } from '../../engine/types.js';
import { valueOffset, type CiJob, type GitlabCiDoc, type ScriptLine, type YScalar } from '../../gitlab-ci/index.js';
import { parseShell, SourceMap, type ShellCommand, type ShellScript, type ShellWord } from '../../shell/index.js';

/** True for a report path inside the lint root (files named outside it are reported by absolute or `../` paths). */
export function insideRoot(path: string): boolean {
  return !path.startsWith('/') && path !== '..' && !path.startsWith('../') && !/^[A-Za-z]:/.test(path);
}

/** The CI files of the run that parsed, inside the lint root (paths outside it cannot be looked up). */
export function ciDocs(project: ProjectDoc): { file: SourceFile; doc: GitlabCiDoc }[] {
  return project
    .ofKind('gitlab-ci')
    .filter((f) => f.doc !== undefined && insideRoot(f.file.path))
    .map((f) => ({ file: f.file, doc: f.doc as GitlabCiDoc }));
}

/**
 * The directory jobs start in, relative to the lint root: the checkout, which is where the
 * pipeline's `.gitlab-ci.yml` is. A file other pipelines include is taken to be at the root.
 */
export function checkoutDir(doc: GitlabCiDoc): string {
  return doc.entry ? posix.dirname(doc.file.path) : '.';
}

/**
 * The jobs of every CI file, each once (a file linted on its own and as an include of
 * `.gitlab-ci.yml` gives the same job twice; the first, the entry point's, is kept).
 */
export function ciJobs(project: ProjectDoc): { doc: GitlabCiDoc; job: CiJob; checkout: string }[] {
  const seen = new Set<string>();
  const out: { doc: GitlabCiDoc; job: CiJob; checkout: string }[] = [];
  const docs = ciDocs(project).sort((a, b) => Number(b.doc.entry) - Number(a.doc.entry));
  for (const { doc } of docs) {
    for (const job of doc.jobs) {
      const key = `${job.key.file.path}:${job.key.span.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ doc, job, checkout: checkoutDir(doc) });
    }
  }
  return out;
}

/** The text of a scalar as written when it is plain (YAML 1.1 reads `3.10` as the number 3.1). */
export function scalarSource(node: YScalar): string | undefined {
  if (node.value === null) return undefined;
  if (node.style === 'plain') return node.file.text.slice(node.span.start, node.span.end).trim();
  return String(node.value);
}

/** A job's variable as a string (its own `variables:`, else the inherited global one), with where it is written. */
export function jobVariable(doc: GitlabCiDoc, job: CiJob, name: string): { text: string; node: YScalar } | undefined {
  const own = job.variables.find((v) => v.name === name);
  const global = job.inheritsVariable(name) ? doc.variables.find((v) => v.name === name) : undefined;
  const v = own ?? global;
  if (!v?.value || v.text === undefined) return undefined;
  return { text: scalarSource(v.value) ?? v.text, node: v.value };
}

/**
 * True when slipway should not read the job's paths: it has no checkout (`GIT_STRATEGY: none`),
 * it runs on Windows (PowerShell or cmd, not a POSIX shell), or `extends` could not be resolved
 * (its scripts may come from elsewhere).
 */
export function hasNoCheckout(doc: GitlabCiDoc, job: CiJob): boolean {
  if (job.incomplete || jobVariable(doc, job, 'GIT_STRATEGY')?.text === 'none') return true;
  const image = job.image?.name && typeof job.image.name.value === 'string' ? job.image.name.value : '';
  return job.tags.some((t) => /windows/i.test(String(t.value))) || /windows|servercore|nanoserver/i.test(image);
}

const scripts = new WeakMap<YScalar, ShellScript>();

/** A script line parsed as shell, its words at their places in the YAML file. */
export function scriptOf(line: ScriptLine): ShellScript {
  const cached = scripts.get(line.node);
  if (cached) return cached;
  const text = line.text;
  let map = new SourceMap(line.node.span.start);
  let previous = -1;
  let exact = text === String(line.node.value);
  for (let i = 0; i < text.length && exact; i++) {
    const offset = valueOffset(line.node, i);
    if (offset <= previous) exact = false;
    else map.appendVerbatim(offset, 1);
    previous = offset;
  }
  if (!exact) map = new SourceMap(line.node.span.start).appendSynthetic(text.length, line.node.span.start, line.node.span.end);
  const script = parseShell(text, { map });
  scripts.set(line.node, script);
  return script;
}

/** One command a job runs, with the directory it runs in (relative to the repository root). */
export interface CiCommand {
  job: CiJob;
  line: ScriptLine;
  cmd: ShellCommand;
  /** The working directory, `.` for the checkout; undefined once the job went somewhere slipway cannot follow. */
  cwd: string | undefined;
  /** The commands the job ran before this one (earlier lines included), for "was it created first?" checks. */
  earlier: readonly ShellCommand[];
  /** The checkout (`$CI_PROJECT_DIR`) relative to the lint root. */
  checkout: string;
}

/**
 * The commands of a job's `before_script` and `script`, in order, with the working directory:
 * a `cd` to a literal path is followed; a `cd` slipway cannot follow (a variable, `-`, inside a
 * subshell or function) makes the directory unknown for the rest of the job. Commands run by
 * another shell (`sh -c '…'`, `ssh host …` arguments) are not listed: they may run elsewhere.
 */
export function* jobCommands(job: CiJob, checkout = '.'): Generator<CiCommand> {
  let cwd: string | undefined = checkout;
  const ran: ShellCommand[] = [];
  for (const line of [...job.beforeScript, ...job.script]) {
    for (const cmd of scriptOf(line).commands) {
      if (cmd.context.nested) continue;
      // Copied only when read (a path is missing): a copy per command cost n² for a job of n commands.
      const count = ran.length;
      yield {
        job,
        line,
        cmd,
        cwd,
        get earlier() {
          return ran.slice(0, count);
        },
        checkout,
      };
      ran.push(cmd);
      if (cmd.name === 'cd' || cmd.name === 'pushd' || cmd.name === 'popd') cwd = afterCd(cmd, cwd, checkout);
    }
  }
}

function afterCd(cmd: ShellCommand, cwd: string | undefined, checkout: string): string | undefined {
  if (cwd === undefined || cmd.name !== 'cd') return undefined;
  const c = cmd.context;
  if (c.subshell || c.function || c.substitution || c.background) return undefined;
  const args = cmd.args.filter((a) => a.value !== '-P' && a.value !== '-L');
  if (args.length !== 1) return undefined;
  return resolvePath(args[0]!, cwd, checkout);
}

const CHECKOUT = /^\$(?:CI_PROJECT_DIR|\{CI_PROJECT_DIR\})(?=\/|$)/;

/**
 * The path a word names, relative to the lint root; undefined when it cannot be told: an
 * expansion (other than a leading `$CI_PROJECT_DIR`, which is `checkout`), a glob, `~`, an
 * absolute path outside the checkout, a URL, or a path leaving the lint root.
 */
export function resolvePath(word: ShellWord, cwd: string | undefined, checkout = '.'): string | undefined {
  let text = word.value;
  let fromCheckout = false;
  if (text === undefined) {
    const raw = /^"(.*)"$/s.exec(word.raw)?.[1] ?? word.raw;
    const m = CHECKOUT.exec(raw);
    if (!m) return undefined;
    text = `.${raw.slice(m[0].length)}`;
    if (/[$`"'\\]/.test(text)) return undefined;
    fromCheckout = true;
  }
  return resolveText(text, fromCheckout ? checkout : cwd);
}

/** `resolvePath` for a literal text. */
export function resolveText(text: string, cwd: string | undefined): string | undefined {
  if (cwd === undefined || text === '' || /[*?[\]{}~\\]|^[a-z][a-z0-9+.-]*:\/\/|^git@|^[a-z]+:/i.test(text)) return undefined;
  if (text.startsWith('/')) return undefined;
  const path = posix.normalize(posix.join(cwd, text)).replace(/(?<!\/)\/+$/, '') || '.';
  if (path === '..' || path.startsWith('../')) return undefined;
  return path;
}
