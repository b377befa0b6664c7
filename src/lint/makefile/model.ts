/**
 * The parsed form of a Makefile (GNU make syntax), with file offsets on every part.
 *
 * Lines are 1-based. A statement's `conditions` lists the conditional branches it sits in, so that
 * two definitions in `ifeq … else … endif` branches are known to exclude each other.
 */
import type { Span } from '../engine/types.js';
import type { LineIndex } from '../../util/text.js';
import type { VariableRef, Word } from './scan.js';

export type { VariableRef, Word } from './scan.js';

/** One branch of one conditional: `id` numbers the `ifeq … endif` block, `branch` counts its `else`s. */
export interface ConditionBranch {
  id: number;
  branch: number;
}

export interface StatementBase {
  startLine: number;
  endLine: number;
  /** From the first character of the statement to the end of its last line (without the line break). */
  span: Span;
  conditions: readonly ConditionBranch[];
}

export type AssignmentOp = '=' | ':=' | '::=' | ':::=' | '?=' | '+=' | '!=';

export interface Assignment extends StatementBase {
  type: 'assignment';
  name: Word;
  op: AssignmentOp;
  /** The value as written (for `define`, the body lines). */
  value: Word;
  /** `export`, `override`, `private` in the order written. */
  modifiers: string[];
  /** Written as `define NAME … endef`. */
  define: boolean;
  /** For a target-specific variable (`target: VAR = value`), the targets. */
  targets?: Word[];
}

export interface RecipeLine {
  /** First and last physical line (a recipe line may continue with `\`). */
  line: number;
  endLine: number;
  /** The command as written, without the recipe prefix, continuation lines included. */
  text: string;
  span: Span;
  /** Written after `;` on the rule line. */
  inline: boolean;
  /**
   * Set when the line is indented with whitespace other than the recipe prefix (spaces instead
   * of a tab): make rejects it ("missing separator") or misreads it as another statement.
   */
  badIndent?: Span;
}

export interface MakeRule extends StatementBase {
  type: 'rule';
  targets: Word[];
  prerequisites: Word[];
  /** Prerequisites after `|`. */
  orderOnly: Word[];
  /** `target:: …` */
  doubleColon: boolean;
  /** `a b &: …` (grouped targets). */
  grouped: boolean;
  /** `targets: target-pattern: prereq-patterns` */
  staticPattern?: { targetPattern: Word };
  recipe: RecipeLine[];
  /** Last line of the rule line itself (it may continue with `\`). */
  headerEndLine: number;
}

export type ConditionalDirective = 'ifeq' | 'ifneq' | 'ifdef' | 'ifndef' | 'else' | 'endif';

export interface Conditional extends StatementBase {
  type: 'conditional';
  directive: ConditionalDirective;
  /** Text after the directive (for `else ifeq …`, the nested condition). */
  argument: Word;
}

export interface Include extends StatementBase {
  type: 'include';
  /** `-include` / `sinclude`: a missing file is not an error. */
  optional: boolean;
  files: Word[];
}

export interface Directive extends StatementBase {
  type: 'directive';
  name: 'export' | 'unexport' | 'vpath' | 'undefine' | 'load' | 'override' | 'private';
  args: Word[];
}

/** A line that is only a variable reference or function call, such as `$(eval …)`. */
export interface Expansion extends StatementBase {
  type: 'expansion';
  text: string;
}

export type Statement = Assignment | MakeRule | Conditional | Include | Directive | Expansion;

/** A file brought in by `include` that slipway could read and parse. */
export interface IncludedMakefile {
  /** Path relative to the lint root, `/`-separated. */
  path: string;
  /** The include directive in the including file. */
  via: Include;
  doc: MakefileDoc;
}

/** A `#` comment outside recipes (in a recipe, `#` belongs to the shell). */
export interface MakeComment {
  /** From `#` to the end of the logical line (a comment continues after a trailing `\`). */
  text: string;
  span: Span;
  line: number;
}

export interface MakefileDoc {
  text: string;
  lines: LineIndex;
  /** All statements in file order. */
  statements: Statement[];
  comments: MakeComment[];
  rules: MakeRule[];
  assignments: Assignment[];
  /** Every variable reference and function call outside `define` bodies. */
  variableRefs: VariableRef[];
  /** `.RECIPEPREFIX` at the end of the file (a tab unless changed). */
  recipePrefix: string;
  /** `.ONESHELL:` appears: all recipe lines of a rule run in one shell. */
  oneShell: boolean;
  /** Included files that were read (when the parser was given a way to read files). */
  included: IncludedMakefile[];
  /** Include directives naming a file that could not be read or a computed (`$(…)`) name. */
  unresolvedIncludes: Word[];
  /** Whether a path relative to the Makefile's directory names an existing file; false when unknown. */
  fileExists(relPath: string): boolean;
}
