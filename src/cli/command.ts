import type { Argv } from 'yargs';
import type { Io } from './io.js';

/** One sub-command: its yargs declaration and an async body returning the exit status. */
export interface CommandSpec {
  /** yargs command string, e.g. `lint [paths..]`. */
  command: string;
  describe: string;
  builder(yargs: Argv): Argv;
  run(args: Record<string, unknown>, io: Io): Promise<number>;
}
