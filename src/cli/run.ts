import yargs from 'yargs';
import { readFileSync } from 'node:fs';
import { ExitError, InputError, InputErrors, UsageError } from './errors.js';
import type { Io } from './io.js';
import type { CommandSpec } from './command.js';
import { commands } from './commands/index.js';
import { packageRoot } from '../util/package-root.js';

export function version(): string {
  const pkg = JSON.parse(readFileSync(`${packageRoot()}/package.json`, 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Runs the CLI in-process and returns the exit status: 0 success, 1 findings/drift/refusal,
 * 2 usage or input errors and internal errors (a bug in slipway). Never throws.
 */
export async function runCli(argv: string[], io: Io): Promise<number> {
  let status = 0;
  let ran: Promise<number> | undefined;
  const parser = yargs(argv)
    .scriptName('slipway')
    .usage('$0 <command> [options]')
    .version(version())
    .help()
    .alias('h', 'help')
    .alias('v', 'version')
    .strict()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .demandCommand(1, 'Give a command: slipway --help lists them.')
    .recommendCommands()
    .fail((msg, err) => {
      throw err ?? new UsageError(msg);
    })
    .exitProcess(false);
  try {
    // Only the command named on the command line is loaded (with its options); the others are
    // registered by name and description, which is all `--help`, `--version` and suggestions need.
    const requested = argv.find((a) => !a.startsWith('-'));
    for (const lazy of commands) {
      const spec: CommandSpec | undefined = lazy.name === requested ? await lazy.load() : undefined;
      parser.command(
        spec?.command ?? lazy.command,
        spec?.describe ?? lazy.describe,
        (y) => (spec ? spec.builder(y) : y),
        (args) => {
          ran = (spec ? Promise.resolve(spec) : lazy.load()).then((s) => s.run(args as Record<string, unknown>, io));
        },
      );
    }
    let helpOut = '';
    await parser.parseAsync(argv, {}, (_err, _argv, output) => {
      helpOut = output;
    });
    if (helpOut) io.out(helpOut.endsWith('\n') ? helpOut : `${helpOut}\n`);
    if (ran) status = await ran;
  } catch (err) {
    status = reportError(err, io);
  }
  return status;
}

function reportError(err: unknown, io: Io): number {
  if (err instanceof ExitError) return err.code;
  if (err instanceof InputError) {
    io.err(`${err.format()}\n`);
    return 2;
  }
  if (err instanceof InputErrors) {
    for (const e of err.errors) io.err(`${e.format()}\n`);
    return 2;
  }
  if (err instanceof UsageError || (err instanceof Error && err.name === 'YError')) {
    io.err(`slipway: error: ${(err as Error).message}\nRun 'slipway --help' for usage.\n`);
    return 2;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  io.err(
    `slipway: internal error: ${e.message}\n` +
      `This is a bug in slipway ${version()}; please report it with the command you ran.\n` +
      (process.env.SLIPWAY_DEBUG ? `${e.stack ?? ''}\n` : 'Set SLIPWAY_DEBUG=1 to see the stack trace.\n'),
  );
  return 2;
}
