import type { CommandSpec } from '../command.js';
import { generateCommand } from './generate.js';
import { initCommand } from './init.js';
import { schemaCommand } from './schema.js';
import { lintCommand } from './lint.js';
import { rulesCommand } from './rules.js';
import { explainCommand } from './explain.js';
import { docsCommand } from './docs.js';

/** Every sub-command, in the order `slipway --help` lists them. */
export const commands: readonly CommandSpec[] = [
  generateCommand,
  initCommand,
  lintCommand,
  rulesCommand,
  explainCommand,
  docsCommand,
  schemaCommand,
];
