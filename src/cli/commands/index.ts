import type { CommandSpec } from '../command.js';

/**
 * One sub-command as `slipway --help` lists it, and how to load it. A command's module (and what it
 * imports: the linter, the generator, secretlint, tree-sitter) is loaded only when that command runs,
 * so that `slipway --version`, `--help` and each command start without loading the others.
 * `command` and `describe` must match the module's `CommandSpec` (the loaded spec wins when it runs).
 */
export interface LazyCommand {
  /** The command's name, the first word of `command`. */
  name: string;
  command: string;
  describe: string;
  load(): Promise<CommandSpec>;
}

/** Every sub-command, in the order `slipway --help` lists them. */
export const commands: readonly LazyCommand[] = [
  {
    name: 'generate',
    command: 'generate',
    describe: 'Generate the delivery files (Dockerfile, .gitlab-ci.yml, Makefile, tox.ini, .dockerignore) from slipway.yaml',
    load: async () => (await import('./generate.js')).generateCommand,
  },
  {
    name: 'init',
    command: 'init',
    describe: 'Write a starter slipway.yaml for the repository, from what it finds there',
    load: async () => (await import('./init.js')).initCommand,
  },
  {
    name: 'lint',
    command: 'lint',
    describe: 'Lint Dockerfiles, .gitlab-ci.yml, Makefiles, tox.ini and slipway.yaml (default: the repository here)',
    load: async () => (await import('./lint.js')).lintCommand,
  },
  {
    name: 'rules',
    command: 'rules',
    describe: 'List the lint rules: id, severity, fixable, aliases, description',
    load: async () => (await import('./rules.js')).rulesCommand,
  },
  {
    name: 'explain',
    command: 'explain <rule>',
    describe: 'Explain a lint rule (id or alias such as DL3008): why, bad and good examples, how to fix',
    load: async () => (await import('./explain.js')).explainCommand,
  },
  {
    name: 'docs',
    command: 'docs',
    describe: "Write the rule reference (docs/rules.md) from the rules' metadata",
    load: async () => (await import('./docs.js')).docsCommand,
  },
  {
    name: 'schema',
    command: 'schema',
    describe: 'Print the JSON schema of slipway.yaml (or of .slipway.yaml with --lint, or the Markdown reference)',
    load: async () => (await import('./schema.js')).schemaCommand,
  },
];

/** Loads every command's module (for tests and tools that need the full specs). */
export async function loadCommands(): Promise<CommandSpec[]> {
  return Promise.all(commands.map((c) => c.load()));
}
