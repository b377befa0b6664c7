/**
 * Telling task targets (`test`, `lint`, `docs-serve`) from file targets, for the `.PHONY` check.
 *
 * A target is taken for a file target, and left alone, when its name looks like a path (has `.`,
 * `/`, `%` or `$`), when its recipe names `$@`, or when the recipe visibly creates it (`mkdir NAME`,
 * `touch NAME`, `> NAME`, `-o NAME`, `venv NAME`, `cp … NAME`). Common task verbs (below) are task
 * targets otherwise — a `test/` or `docs/` directory is exactly what makes a non-phony `test` or
 * `docs` target silently do nothing. Any other name is a task target only when its recipe does not
 * mention the name at all and no file of that name exists beside the Makefile.
 */
import type { MakeRule, MakefileDoc } from './model.js';
import type { MakeVariables } from './variables.js';

/** Target names that are verbs by convention, not files. */
export const TASK_VERBS: ReadonlySet<string> = new Set([
  'all', 'audit', 'bench', 'benchmark', 'bootstrap', 'build', 'bump', 'changelog', 'check', 'ci', 'clean', 'cov',
  'coverage', 'deploy', 'dev', 'develop', 'dist', 'distclean', 'doc', 'docs', 'fix', 'fmt', 'format', 'help', 'html',
  'install', 'lint', 'livehtml', 'mypy', 'package', 'precommit', 'pre-commit', 'publish', 'release', 'run', 'serve',
  'setup', 'shell', 'start', 'stop', 'tag', 'test', 'tests', 'typecheck', 'uninstall', 'update', 'upgrade', 'upload',
  'watch',
]);

export type TargetKind = 'task' | 'file' | 'unknown';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function createsFile(recipe: string, name: string): boolean {
  const n = `(?<![\\w./-])${escapeRe(name)}(?![\\w.-])`;
  return (
    laterInCommand(recipe, /\b(?:mkdir|touch|virtualenv|venv|install\s+-d)\b/g, new RegExp(n, 'g')) ||
    new RegExp(`>>?\\s*["']?${n}`).test(recipe) ||
    new RegExp(`(?:^|\\s)(?:-o|--output|--out|-d|--dest|--target)(?:\\s+|=)["']?${n}`).test(recipe) ||
    laterInCommand(recipe, /\b(?:cp|mv|ln|rsync)\b/g, new RegExp(`\\s["']?${n}["']?\\s*(?:$|[;&|\\n])`, 'gm'))
  );
}

/**
 * Whether a match of `command` is followed in the same command (before `;`, `&`, `|` or a line
 * feed) by a match of `operand`: what `new RegExp(command.source + '[^;&|\\n]*' + operand.source)`
 * tests (both with the `g` flag). That regex rescans a command from every `mkdir`/`cp` in it; here
 * only the first of a command is tried (the later ones see less of it), and `operand` is searched
 * once for all of them.
 */
function laterInCommand(recipe: string, command: RegExp, operand: RegExp): boolean {
  const separator = /[;&|\n]/g;
  let next = -1;
  for (let m = command.exec(recipe); m; m = command.exec(recipe)) {
    const from = m.index + m[0].length;
    separator.lastIndex = from;
    const end = separator.exec(recipe)?.index ?? recipe.length;
    if (next < from) {
      operand.lastIndex = from;
      next = operand.exec(recipe)?.index ?? Infinity;
    }
    if (next <= end) return true;
    command.lastIndex = end;
  }
  return false;
}

function mentions(recipe: string, name: string): boolean {
  return new RegExp(`(?<![\\w-])${escapeRe(name)}(?![\\w-])`).test(recipe);
}

const USES_TARGET_VARIABLE = /\$(?:@|\(@[DF]?\)|\{@[DF]?\})/;

/**
 * Whether a plain target name (no path characters) is a task, given every rule that defines it.
 * `unknown` means the rules give no safe answer (no recipe and no prerequisites, like `FORCE:`).
 */
export function classifyTarget(name: string, rules: readonly MakeRule[], doc: MakefileDoc, vars: MakeVariables): TargetKind {
  const recipes = rules.flatMap((r) => r.recipe.map((line) => line.text));
  const verb = TASK_VERBS.has(name);
  if (recipes.length === 0) {
    const aggregates = rules.some((r) => r.prerequisites.length > 0);
    return verb && aggregates ? 'task' : 'unknown';
  }
  const raw = recipes.join('\n');
  if (USES_TARGET_VARIABLE.test(raw)) return 'file';
  const expanded = recipes.map((text) => vars.expand(text) ?? text).join('\n');
  if (createsFile(expanded, name) || createsFile(raw, name)) return 'file';
  if (verb) return 'task';
  if (mentions(expanded, name) || mentions(raw, name)) return 'unknown';
  return doc.fileExists(name) ? 'file' : 'task';
}

/** A name make could only treat as a file path or a special target: not a plain task name. */
export function looksLikePath(name: string): boolean {
  return /[./%$\\~]/.test(name) || name === '';
}
