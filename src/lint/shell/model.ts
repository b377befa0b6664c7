/**
 * The shell model rules read: a script (a Dockerfile `RUN`, a GitLab `script:` line) as the list of the
 * simple commands it runs, wherever they sit (behind `&&`, `||`, `;`, in pipes, subshells, `$(…)`,
 * `if`/`for`/`while`/`case` bodies, `{ …; }` groups, functions), each with its words and their positions
 * in the ORIGINAL file.
 *
 * A guide for rule authors:
 * - `script.commands` is flat and in source order. Filter by `cmd.name` (the program's base name,
 *   wrappers such as `sudo`/`env`/`xargs` already peeled off: see `cmd.wrappers`).
 * - Read options with the helpers in `args.ts` (`hasFlag`, `flagValue`, `positionals`, `subcommand`); they
 *   know combined short flags (`-yq`), `--opt=value` and which options of common tools take a value.
 * - A word's `value` is its text after quote removal, or `undefined` when it contains an expansion
 *   (`$VAR`, `$(…)`, `` `…` ``): never guess what an expansion holds.
 * - Report on `word.span` / `cmd.span`: they are file offsets already.
 * - `script.hasErrors` says the shell did not parse cleanly; what parsed is still there.
 */
import type { Span } from '../engine/types.js';
import type { SourceMap } from './source-map.js';

/** One shell word (a command name or an argument). */
export interface ShellWord {
  /** The word exactly as written (quotes, escapes and expansions kept). */
  raw: string;
  /**
   * The word after quote and escape removal, when it is a literal; `undefined` when it contains a
   * parameter, command or arithmetic expansion. Globs and `~` are kept literally.
   */
  value: string | undefined;
  /** Where the word is in the original file. */
  span: Span;
}

/** `NAME=value` before a command (`FOO=1 make`), given to `env`, or a statement of its own. */
export interface ShellAssignment {
  name: string;
  /** The value word (after `=`); undefined for `NAME=`. */
  value: ShellWord | undefined;
  span: Span;
}

/** A redirection attached to a command: `> file`, `2>&1`, `<<EOF`, `<<< "text"`. */
export interface ShellRedirect {
  /** The operator as written, e.g. `>`, `>>`, `2>&1` is `>&` with descriptor `2`, `<<`, `<<-`, `<<<`. */
  operator: string;
  /** The destination or here-string word; for a here-document the delimiter word. */
  target: ShellWord | undefined;
  span: Span;
  /** For a here-document: its body (not parsed as commands unless a shell reads it, see ShellCommand). */
  heredoc?: { body: string; span: Span; quoted: boolean };
}

/** A command that runs another one and was peeled off: `sudo -E`, `env A=1`, `xargs -r`, `nice -n 5`. */
export interface ShellWrapper {
  /** Base name of the wrapper program, e.g. `sudo`. */
  name: string;
  /** The wrapper's own words: its name, options and operands (not the wrapped command). */
  words: ShellWord[];
  span: Span;
}

/** What kind of simple command a `ShellCommand` is. */
export type ShellCommandKind =
  /** An ordinary command: `apt-get install -y curl`. */
  | 'simple'
  /** `export`/`local`/`declare`/`readonly`/`typeset`; `args` hold the raw operands, `assignments` the `X=…`. */
  | 'declaration'
  /** `unset X`. */
  | 'unset'
  /** `[ … ]` / `[[ … ]]` / `test …` written with brackets; `name` is `[` or `[[`. */
  | 'test'
  /** A statement that is only assignments, `X=$(cmd)`: `name` is undefined. */
  | 'assignment';

/** Where a command sits; every flag is about an enclosing construct. */
export interface ShellCommandContext {
  /** Inside `( … )`: `cd`, `set`, `export` there do not affect what follows. */
  subshell: boolean;
  /** Inside `$(…)`, `` `…` `` or `<(…)`/`>(…)`. */
  substitution: boolean;
  /** In the condition of `if`/`elif`/`while`/`until`, or on the left of `&&`/`||`: a failure does not stop `set -e`. */
  condition: boolean;
  /** Run in the background (`cmd &`). */
  background: boolean;
  /** Inside a function body (runs only when called). */
  function: boolean;
  /** Inside a script run by another shell: `sh -c '…'`, `bash <<EOF … EOF`. */
  nested: boolean;
}

/** One simple command. */
export interface ShellCommand {
  kind: ShellCommandKind;
  /**
   * Base name of the program after unwrapping (`/usr/bin/apt-get` → `apt-get`, `sudo -E apt-get` →
   * `apt-get`); undefined when the name is dynamic (`$PKG_MGR install`) or absent (`X=1` alone).
   */
  name: string | undefined;
  /** The name word as written (with its path and quotes). */
  nameWord: ShellWord | undefined;
  /** The words after the name, in order (after unwrapping, so `sudo apt-get install` gives `install`). */
  args: ShellWord[];
  /** `NAME=value` prefixes, including those given to `env`. */
  assignments: ShellAssignment[];
  /** Wrappers peeled off, outermost first. */
  wrappers: ShellWrapper[];
  redirects: ShellRedirect[];
  /** The whole simple command, wrappers and prefixes included. */
  span: Span;
  /** The pipeline the command is part of, when it has at least two stages. */
  pipeline: ShellPipeline | undefined;
  context: ShellCommandContext;
  /** Position in `ShellScript.commands`. */
  index: number;
}

/** `a | b | c` (two or more stages). */
export interface ShellPipeline {
  /** The simple commands in the pipeline's stages, in order (not those inside `$(…)` in them). */
  commands: ShellCommand[];
  /** The `|` / `|&` operators. */
  operators: { text: string; span: Span }[];
  span: Span;
  /** `! a | b`. */
  negated: boolean;
}

/** Which shell language the text is read as. tree-sitter-bash parses both; rules may care (pipefail). */
export type ShellDialect = 'sh' | 'bash';

/** A parsed script. */
export interface ShellScript {
  /** The text that was parsed (continuations joined; not necessarily a slice of the file). */
  text: string;
  dialect: ShellDialect;
  /** Every simple command, in source order. */
  commands: ShellCommand[];
  /** Every pipeline with at least two stages, in source order. */
  pipelines: ShellPipeline[];
  /** True when the parser met a syntax error; `commands` then holds what could be read. */
  hasErrors: boolean;
  /** Where the syntax errors are (file offsets). */
  errors: Span[];
  /** Derived-text ↔ file offsets. */
  map: SourceMap;
}
