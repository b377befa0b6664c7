import type { CommandSpec } from '../command.js';
import { SUMMARIES, type CommandName } from './summaries.js';

/**
 * One sub-command as `slipway --help` lists it, and how to load it. A command's module (and what it
 * imports: the linter, the generator, secretlint, tree-sitter) is loaded only when that command runs,
 * so that `slipway --version`, `--help` and each command start without loading the others. The
 * command string and description come from summaries.ts, which the modules read as well.
 */
export interface LazyCommand {
  /** The command's name, the first word of `command`. */
  name: CommandName;
  command: string;
  describe: string;
  load(): Promise<CommandSpec>;
}

const LOADERS: Record<CommandName, () => Promise<CommandSpec>> = {
  generate: async () => (await import('./generate.js')).generateCommand,
  init: async () => (await import('./init.js')).initCommand,
  lint: async () => (await import('./lint.js')).lintCommand,
  rules: async () => (await import('./rules.js')).rulesCommand,
  explain: async () => (await import('./explain.js')).explainCommand,
  docs: async () => (await import('./docs.js')).docsCommand,
  schema: async () => (await import('./schema.js')).schemaCommand,
};

/** Every sub-command, in the order `slipway --help` lists them. */
export const commands: readonly LazyCommand[] = (Object.keys(SUMMARIES) as CommandName[]).map((name) => ({
  name,
  ...SUMMARIES[name],
  load: LOADERS[name],
}));

/** Loads every command's module (for tests and tools that need the full specs). */
export async function loadCommands(): Promise<CommandSpec[]> {
  return Promise.all(commands.map((c) => c.load()));
}
