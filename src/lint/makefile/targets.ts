/**
 * The targets a Makefile defines, with positions: what cross-file checks need to tell whether
 * `make <target>` in a CI job names a target that exists.
 */
import type { MakeRule, MakefileDoc, Word } from './model.js';
import { MakeVariables } from './variables.js';

export interface MakeTarget {
  /** The target name, with statically known variables expanded (`$(BUILD)/x` → `build/x`). */
  name: string;
  /** The word as written in the file. */
  written: Word;
  /** 1-based position of the written word. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Path of the included file the rule is in, relative to the lint root; undefined for the Makefile itself. */
  file?: string;
  /** Listed as a prerequisite of `.PHONY`. */
  phony: boolean;
  /** Some rule for this target has a recipe. */
  hasRecipe: boolean;
  /** A pattern target (`%.o`, `%`), which matches many names. */
  pattern: boolean;
  /** A special target such as `.PHONY` or `.DEFAULT_GOAL`-like built-ins (name starts with `.` and is upper case). */
  special: boolean;
  /** The first rule that names the target. */
  rule: MakeRule;
}

/** The special targets GNU make gives a meaning to. */
export const SPECIAL_TARGETS: ReadonlySet<string> = new Set([
  '.PHONY', '.SUFFIXES', '.DEFAULT', '.PRECIOUS', '.INTERMEDIATE', '.NOTINTERMEDIATE', '.SECONDARY',
  '.SECONDEXPANSION', '.DELETE_ON_ERROR', '.IGNORE', '.LOW_RESOLUTION_TIME', '.SILENT', '.EXPORT_ALL_VARIABLES',
  '.NOTPARALLEL', '.ONESHELL', '.POSIX', '.WAIT',
]);

/** Names declared phony: `.PHONY` prerequisites, with statically known variables expanded. */
export interface PhonySet {
  /** Name → the `.PHONY` words that declare it. */
  names: Map<string, Word[]>;
  /** False when a `.PHONY` prerequisite could not be expanded (e.g. `$(shell …)`). */
  complete: boolean;
}

/** Every rule of the Makefile and of the included files slipway could read, with the file they are in. */
export function allRules(doc: MakefileDoc): { rule: MakeRule; file?: string; doc: MakefileDoc }[] {
  return [
    ...doc.rules.map((rule) => ({ rule, doc })),
    ...doc.included.flatMap((inc) => inc.doc.rules.map((rule) => ({ rule, file: inc.path, doc: inc.doc }))),
  ];
}

/** The names a word stands for (a variable may expand to several words), or undefined when unknown. */
export function expandWord(word: Word, vars: MakeVariables): string[] | undefined {
  const expanded = vars.expand(word.text);
  return expanded === undefined ? undefined : expanded.split(/\s+/).filter(Boolean);
}

export function phonyTargets(doc: MakefileDoc, vars = MakeVariables.of(doc)): PhonySet {
  const names = new Map<string, Word[]>();
  let complete = true;
  for (const { rule } of allRules(doc)) {
    if (!rule.targets.some((t) => t.text === '.PHONY')) continue;
    for (const word of rule.prerequisites) {
      const expanded = expandWord(word, vars);
      if (!expanded) {
        complete = false;
        continue;
      }
      for (const name of expanded) names.set(name, [...(names.get(name) ?? []), word]);
    }
  }
  return { names, complete };
}

/**
 * Every target defined by a rule (explicit, pattern and special), once per name, at its first
 * definition, in file order; targets of readable included files follow with their `file`.
 */
export function listMakeTargets(doc: MakefileDoc): MakeTarget[] {
  const vars = MakeVariables.of(doc);
  const phony = phonyTargets(doc, vars);
  const byName = new Map<string, MakeTarget>();
  for (const { rule, file, doc: owner } of allRules(doc)) {
    for (const written of rule.targets) {
      for (const name of expandWord(written, vars) ?? [written.text]) {
        const known = byName.get(name);
        if (known) {
          if (rule.recipe.length > 0) known.hasRecipe = true;
          continue;
        }
        const start = owner.lines.positionAt(written.span.start);
        const end = owner.lines.positionAt(written.span.end);
        const target: MakeTarget = {
          name,
          written,
          line: start.line,
          column: start.column,
          endLine: end.line,
          endColumn: end.column,
          phony: phony.names.has(name),
          hasRecipe: rule.recipe.length > 0,
          pattern: name.includes('%'),
          special: SPECIAL_TARGETS.has(name),
          rule,
        };
        if (file !== undefined) target.file = file;
        byName.set(name, target);
      }
    }
  }
  return [...byName.values()];
}

/** Whether a pattern target such as `%.html` or `%` matches `name`. */
export function patternMatches(pattern: string, name: string): boolean {
  const pct = pattern.indexOf('%');
  if (pct < 0) return pattern === name;
  const prefix = pattern.slice(0, pct);
  const suffix = pattern.slice(pct + 1);
  return name.length >= prefix.length + suffix.length + 1 && name.startsWith(prefix) && name.endsWith(suffix);
}

/**
 * How `make <name>` would find a rule: an explicit target, or a pattern rule matching it
 * (Sphinx's catch-all `%: Makefile` makes every name valid). Undefined when nothing matches.
 */
export function findMakeTarget(
  doc: MakefileDoc,
  name: string,
  targets: readonly MakeTarget[] = listMakeTargets(doc),
): { target: MakeTarget; via: 'explicit' | 'pattern' } | undefined {
  const explicit = targets.find((t) => !t.pattern && t.name === name);
  if (explicit) return { target: explicit, via: 'explicit' };
  const pattern = targets.find((t) => t.pattern && t.hasRecipe && patternMatches(t.name, name));
  return pattern ? { target: pattern, via: 'pattern' } : undefined;
}

/**
 * False when the Makefile may define targets slipway cannot see: an include it could not read,
 * `$(eval …)`, or a target name it could not expand. A "no such target" finding is only
 * trustworthy when this is true.
 */
export function targetListIsComplete(doc: MakefileDoc): boolean {
  if (doc.unresolvedIncludes.length > 0) return false;
  const docs = [doc, ...doc.included.map((i) => i.doc)];
  if (docs.some((d) => d.variableRefs.some((r) => r.kind === 'function' && r.name === 'eval'))) return false;
  const vars = MakeVariables.of(doc);
  return allRules(doc).every(({ rule }) => rule.targets.every((t) => expandWord(t, vars) !== undefined));
}

