/** Questions `slipway init` asks on a terminal (never with --yes, never when not a TTY). */
import { createInterface } from 'node:readline/promises';
import { compareVersions, LANGUAGE_NAMES, supportedVersions } from '../descriptor/runtime-versions.js';
import type { Proposal } from './propose.js';

export interface Prompter {
  /** Asks a question; an empty answer means the default. */
  ask(question: string, defaultAnswer: string): Promise<string>;
  /** Tells the user an answer was not accepted. */
  warn(message: string): void;
}

export function terminalPrompter(): Prompter & { close(): void } {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  return {
    ask: async (question, defaultAnswer) => (await rl.question(`${question} [${defaultAnswer}]: `)).trim() || defaultAnswer,
    warn: (message) => void process.stdout.write(`  ${message}\n`),
    close: () => rl.close(),
  };
}

type Parsed<T> = { value: T } | { error: string };

/** Asks until `parse` accepts the answer, at most three times; then the default stands. */
async function askValid<T>(prompter: Prompter, question: string, def: string, parse: (answer: string) => Parsed<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const parsed = parse(await prompter.ask(question, def));
    if ('value' in parsed) return parsed.value;
    prompter.warn(parsed.error);
    if (attempt === 2) return (parse(def) as { value: T }).value;
  }
}

/** Asks which of `presets` (those of the repository's language) to extend, or none. */
export async function askPreset(prompter: Prompter, proposed: string | undefined, presets: readonly string[]): Promise<string | undefined> {
  return askValid<string | undefined>(prompter, `Preset (${[...presets, 'none'].join(', ')})`, proposed ?? 'none', (a) =>
    a === 'none' || presets.includes(a) ? { value: a === 'none' ? undefined : a } : { error: `choose one of ${[...presets, 'none'].join(', ')}` },
  );
}

/**
 * Lets the user confirm or change the name, Python version, port and start command.
 * `commandFor(port)` is the command proposed for another port (servers bind it on the command line).
 */
export async function askDetails(
  prompter: Prompter,
  proposal: Proposal,
  today: Date,
  commandFor: (port: number | undefined) => string[],
): Promise<Proposal> {
  const p = { ...proposal };
  p.name = await askValid<string>(prompter, 'Project name', p.name, (a) =>
    /^[a-z][a-z0-9-]*$/.test(a) ? { value: a } : { error: 'use lower-case letters, digits and -, starting with a letter' },
  );
  const supported = supportedVersions(p.language, today);
  p.version = await askValid<string>(prompter, `${LANGUAGE_NAMES[p.language]} version`, p.version, (a) =>
    supported.includes(a) ? { value: a } : { error: `choose a supported version: ${supported.join(', ')}` },
  );
  p.matrix = [...new Set([p.version, ...p.matrix])].sort(compareVersions);
  const port = await askValid<number | undefined>(prompter, 'Port the app listens on (none for a worker)', p.port === undefined ? 'none' : String(p.port), (a) => {
    if (a === 'none') return { value: undefined };
    const n = Number(a);
    return Number.isInteger(n) && n >= 1 && n <= 65535 ? { value: n } : { error: 'give a port from 1 to 65535, or none' };
  });
  if (port !== p.port) p.command = commandFor(port);
  if (port === undefined) delete p.port;
  else p.port = port;
  // A Go image runs the program it builds: no command to ask for.
  if (p.language === 'go') return p;
  p.command = await askValid<string[]>(prompter, 'Command that starts the app', p.command.join(' '), (a) => {
    const words = a.split(/\s+/).filter(Boolean);
    return words.length ? { value: words } : { error: 'give the command, e.g. python app.py' };
  });
  return p;
}
