/**
 * Commands that run another command given in their arguments (`sudo apt-get …`, `env A=1 make`,
 * `xargs rm`). The walker peels them off so rules see the real program; the peeled words stay available
 * in `ShellCommand.wrappers`.
 *
 * To teach slipway a new wrapper, add an entry to `WRAPPERS`.
 */
import type { Span } from '../engine/types.js';
import type { ShellAssignment, ShellWord, ShellWrapper } from './model.js';
import { programName } from './words.js';

interface WrapperSpec {
  /** Options taking a value (as the next word, attached to a short option, or after `=` for a long one). */
  withValue: readonly string[];
  /** Operands the wrapper itself consumes before the command (`timeout 10s cmd`, `gosu user cmd`). */
  operands?: number;
  /** `env`: `NAME=value` words before the command are assignments. */
  takesAssignments?: boolean;
  /** Options after which the rest is not a command (`command -v x` looks a name up, `env -S` re-splits). */
  notACommand?: readonly string[];
  /** `nice -10 cmd`: a numeric option. */
  numericOption?: boolean;
}

const WRAPPERS: Record<string, WrapperSpec> = {
  sudo: {
    withValue: ['-u', '--user', '-g', '--group', '-C', '--close-from', '-D', '--chdir', '-h', '--host', '-p', '--prompt', '-r', '--role', '-t', '--type', '-U', '--other-user', '-T', '--command-timeout', '-R', '--chroot'],
    notACommand: ['-e', '--edit', '-l', '--list', '-v', '--validate', '-k', '-K', '--reset-timestamp', '--remove-timestamp', '-V', '--version'],
  },
  doas: { withValue: ['-u', '-C'] },
  env: {
    withValue: ['-u', '--unset', '-C', '--chdir', '-S', '--split-string', '--default-signal', '--ignore-signal', '--block-signal'],
    takesAssignments: true,
    notACommand: ['-S', '--split-string'],
  },
  nice: { withValue: ['-n', '--adjustment'], numericOption: true },
  ionice: { withValue: ['-c', '--class', '-n', '--classdata', '-p', '--pid', '-P', '--pgid', '-u', '--uid'] },
  nohup: { withValue: [] },
  time: { withValue: ['-f', '--format', '-o', '--output'] },
  exec: { withValue: ['-a'] },
  timeout: { withValue: ['-s', '--signal', '-k', '--kill-after'], operands: 1 },
  xargs: {
    withValue: ['-a', '--arg-file', '-d', '--delimiter', '-E', '-I', '-L', '-n', '--max-args', '-P', '--max-procs', '-s', '--max-chars', '--process-slot-var'],
  },
  command: { withValue: [], notACommand: ['-v', '-V'] },
  builtin: { withValue: [] },
  gosu: { withValue: [], operands: 1 },
  'su-exec': { withValue: [], operands: 1 },
  chroot: { withValue: ['--userspec', '--groups'], operands: 1 },
  stdbuf: { withValue: ['-i', '--input', '-o', '--output', '-e', '--error'] },
  eatmydata: { withValue: [] },
  nosync: { withValue: [] },
  fakeroot: { withValue: ['-l', '--lib', '--faked', '-s', '-i'] },
};

/** Names of the programs peeled off as wrappers. */
export const WRAPPER_NAMES: readonly string[] = Object.keys(WRAPPERS).sort();

export interface Unwrapped {
  /** Index in `words` of the real command's name, or `words.length` when the wrapper runs nothing. */
  nameIndex: number;
  wrappers: ShellWrapper[];
  assignments: ShellAssignment[];
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/**
 * Peels wrappers off `words` (the command's name first). Stops at the first word that is not a known
 * wrapper, whose value is dynamic, or after which the wrapper runs no command (`sudo -l`, `command -v`).
 */
export function unwrap(words: readonly ShellWord[]): Unwrapped {
  const wrappers: ShellWrapper[] = [];
  const assignments: ShellAssignment[] = [];
  let i = 0;
  while (i < words.length) {
    const nameValue = words[i]!.value;
    if (nameValue === undefined) break;
    const spec = WRAPPERS[programName(nameValue)];
    if (!spec) break;
    const start = i;
    let j = i + 1;
    let runsCommand = true;
    // Options.
    while (j < words.length) {
      const v = words[j]!.value;
      if (v === undefined || !v.startsWith('-') || v === '-') break;
      if (v === '--') {
        j++;
        break;
      }
      if (spec.numericOption && /^-\d+$/.test(v)) {
        j++;
        continue;
      }
      const name = v.startsWith('--') ? v.split('=')[0]! : v.slice(0, 2);
      if (spec.notACommand?.includes(name)) runsCommand = false;
      const attached = v.startsWith('--') ? v.includes('=') : v.length > 2;
      j += spec.withValue.includes(name) && !attached ? 2 : 1;
    }
    // env's assignments.
    if (spec.takesAssignments) {
      while (j < words.length) {
        const w = words[j]!;
        const m = w.value !== undefined ? ASSIGNMENT.exec(w.raw) : undefined;
        if (!m) break;
        assignments.push(assignmentFromWord(w, m[1]!));
        j++;
      }
    }
    j += spec.operands ?? 0;
    if (!runsCommand || j >= words.length) {
      // The wrapper runs nothing we can see (`sudo -l`, bare `env`): it is the command itself.
      break;
    }
    wrappers.push({ name: programName(nameValue), words: words.slice(start, j), span: spanOf(words, start, j) });
    i = j;
  }
  return { nameIndex: i, wrappers, assignments };
}

/** Splits a `NAME=value` word into an assignment (the value keeps its raw text and position). */
export function assignmentFromWord(word: ShellWord, name: string): ShellAssignment {
  const eq = word.raw.indexOf('=');
  const rawValue = word.raw.slice(eq + 1);
  const valueStart = word.span.start + eq + 1;
  // The word's span may cover removed continuations; clamp so the value never starts past the word end.
  const start = Math.min(valueStart, word.span.end);
  const value: ShellWord | undefined =
    rawValue === ''
      ? undefined
      : {
          raw: rawValue,
          value: word.value === undefined ? undefined : word.value.slice(word.value.indexOf('=') + 1),
          span: { start, end: word.span.end },
        };
  return { name, value, span: word.span };
}

function spanOf(words: readonly ShellWord[], from: number, to: number): Span {
  return { start: words[from]!.span.start, end: words[Math.max(from, to - 1)]!.span.end };
}
