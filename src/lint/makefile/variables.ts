/**
 * Static knowledge of a Makefile's variables: which names it defines and, where the value is
 * plain text, what a reference expands to. Used to read `.PHONY: $(TARGETS)` and `$(DIR):`.
 */
import type { Assignment, MakefileDoc } from './model.js';
import { skipReference } from './scan.js';

/** Variables make defines itself, or that are commonly set on make's command line by convention. */
export const BUILTIN_VARIABLES: ReadonlySet<string> = new Set([
  'MAKE', 'MAKEFLAGS', 'MFLAGS', 'MAKEFILE_LIST', 'MAKEFILES', 'MAKECMDGOALS', 'MAKELEVEL', 'MAKE_VERSION',
  'MAKE_HOST', 'MAKE_RESTARTS', 'MAKE_TERMOUT', 'MAKE_TERMERR', 'MAKEOVERRIDES', 'CURDIR', 'SHELL', '.SHELLFLAGS',
  'VPATH', 'SUFFIXES', 'GPATH', '.DEFAULT_GOAL', '.RECIPEPREFIX', '.VARIABLES', '.FEATURES', '.INCLUDE_DIRS',
  '.LIBPATTERNS', '.EXTRA_PREREQS', '.LOADED', 'AR', 'AS', 'CC', 'CXX', 'CPP', 'FC', 'M2C', 'PC', 'CO', 'GET', 'LEX',
  'YACC', 'LINT', 'MAKEINFO', 'TEX', 'TEXI2DVI', 'WEAVE', 'CWEAVE', 'TANGLE', 'CTANGLE', 'RM', 'ARFLAGS', 'ASFLAGS',
  'CFLAGS', 'CXXFLAGS', 'COFLAGS', 'CPPFLAGS', 'FFLAGS', 'GFLAGS', 'LDFLAGS', 'LDLIBS', 'LFLAGS', 'YFLAGS', 'PFLAGS',
  'RFLAGS', 'LINTFLAGS', 'OUTPUT_OPTION', 'COMPILE.c', 'LINK.c', 'DESTDIR', 'prefix', 'exec_prefix', 'bindir',
  'PWD', 'HOME', 'PATH', 'USER', 'OS',
]);

export class MakeVariables {
  private readonly defs = new Map<string, Assignment[]>();

  constructor(assignments: readonly Assignment[]) {
    for (const a of assignments) {
      if (a.targets) continue;
      const list = this.defs.get(a.name.text);
      if (list) list.push(a);
      else this.defs.set(a.name.text, [a]);
    }
  }

  static of(doc: MakefileDoc): MakeVariables {
    return new MakeVariables([...doc.assignments, ...doc.included.flatMap((i) => i.doc.assignments)]);
  }

  names(): IterableIterator<string> {
    return this.defs.keys();
  }

  isDefined(name: string): boolean {
    return this.defs.has(name) || BUILTIN_VARIABLES.has(name);
  }

  /** The value of a variable when it is plain text known statically, else undefined. */
  value(name: string): string | undefined {
    const defs = this.defs.get(name);
    if (!defs) return undefined;
    if (defs.some((d) => d.op === '!=')) return undefined;
    if (defs.length > 1 && defs.some((d) => d.conditions.length > 0)) return undefined;
    let value: string | undefined;
    for (const d of defs) {
      const text = d.value.text.replace(/\\\r?\n\s*/g, ' ');
      if (d.op === '?=') value ??= text;
      else if (d.op === '+=') value = value === undefined ? text : `${value} ${text}`;
      else value = text;
    }
    return value;
  }

  /**
   * Expands variable references in `text` when every one is a statically known variable;
   * undefined when a function call, automatic variable or unknown variable is involved.
   */
  expand(text: string, depth = 0): string | undefined {
    if (!text.includes('$')) return text;
    if (depth > 10) return undefined;
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c !== '$') {
        out += c;
        continue;
      }
      const next = text[i + 1];
      if (next === '$') {
        out += '$';
        i++;
        continue;
      }
      const end = skipReference(text, i);
      const name = next === '(' || next === '{' ? text.slice(i + 2, end - 1) : (next ?? '');
      if (!/^[A-Za-z0-9_.-]+$/.test(name)) return undefined;
      const value = this.value(name);
      if (value === undefined) return undefined;
      const expanded = this.expand(value, depth + 1);
      if (expanded === undefined) return undefined;
      out += expanded;
      i = end - 1;
    }
    return out;
  }
}
