/**
 * The shell layer: parse the shell of a Dockerfile `RUN` or a GitLab `script:` line into simple commands
 * with positions in the original file, and define shell checks once for both file kinds.
 *
 * Start with `model.ts` (what a script looks like), then `args.ts` (reading options) and `check.ts`
 * (writing a check that becomes a `dockerfile/…` and a `gitlab-ci/…` rule).
 */
export type {
  ShellAssignment,
  ShellCommand,
  ShellCommandContext,
  ShellCommandKind,
  ShellDialect,
  ShellPipeline,
  ShellRedirect,
  ShellScript,
  ShellWord,
  ShellWrapper,
} from './model.js';
export { ScriptHistory } from './history.js';
export { SourceMap } from './source-map.js';
export { initShell, isShellReady } from './tree-sitter.js';
export { parseShell, parseArgv, POSIX_SHELLS, type ParseShellOptions } from './parse.js';
export {
  COMMAND_OPTIONS,
  countFlag,
  findFlags,
  flagValue,
  hasFlag,
  isSubcommand,
  parseArgs,
  positionals,
  subcommand,
  type CommandOptionSpec,
  type ParsedArgs,
  type ParsedOption,
} from './args.js';
export { assignedValue, commandsNamed, hasWrapper, setsShellOption } from './queries.js';
export { WRAPPER_NAMES } from './wrappers.js';
export { programName, unquoteWord } from './words.js';
export {
  defineShellCheck,
  type ShellCheck,
  type ShellCheckContext,
  type ShellExample,
  type ShellHost,
  type ShellMount,
} from './check.js';
