/**
 * Each sub-command's yargs command string and one-line description, in the order `slipway --help`
 * lists them. Kept apart from the command modules so that the lazy command table (index.ts) can show
 * `--help` without loading any command, and so that each module declares the same words by reading
 * them from here rather than by repeating them.
 */
export const SUMMARIES = {
  generate: {
    command: 'generate',
    describe: 'Generate the delivery files (Dockerfile, .gitlab-ci.yml, Makefile, tox.ini, .dockerignore) from slipway.yaml',
  },
  init: {
    command: 'init',
    describe: 'Write a starter slipway.yaml for the repository, from what it finds there',
  },
  // Paths are read from `_` rather than a `[paths..]` positional: yargs drops a lone `-` from positionals.
  lint: {
    command: 'lint',
    describe: 'Lint Dockerfiles, .gitlab-ci.yml, Makefiles, tox.ini and slipway.yaml (default: the repository here)',
  },
  rules: {
    command: 'rules',
    describe: 'List the lint rules: id, severity, fixable, aliases, description',
  },
  explain: {
    command: 'explain <rule>',
    describe: 'Explain a lint rule (id or alias such as DL3008): why, bad and good examples, how to fix',
  },
  docs: {
    command: 'docs',
    describe: "Write the rule reference (docs/rules.md) from the rules' metadata",
  },
  schema: {
    command: 'schema',
    describe: 'Print the JSON schema of slipway.yaml (or of .slipway.yaml with --lint, or the Markdown reference)',
  },
} as const satisfies Record<string, { command: string; describe: string }>;

export type CommandName = keyof typeof SUMMARIES;
