/**
 * Reading `make` command lines in shell text (a CI `script:` line): which Makefile they use and
 * which targets they ask for, with offsets into the text. For cross-file checks such as "the CI
 * calls a make target that does not exist".
 */
import { commandWordIndex, splitCommands } from './recipe-commands.js';

export interface MakeTargetArg {
  name: string;
  /** Offsets of the word in the text, [start, end). */
  start: number;
  end: number;
}

export interface MakeInvocation {
  /** `-C dir` / `--directory=dir`, joined when given several times; '' when absent. */
  directory: string;
  /** `-f file` / `--file=file` / `--makefile=file`, relative to `directory`; undefined for the default names. */
  makefile?: string;
  /** The goals named literally on the command line, in order (overrides `X=1` and expansions left out). */
  targets: MakeTargetArg[];
  /** Which Makefile is used cannot be told (`-C $DIR`, combined flags such as `-sC`): skip the call. */
  uncertain: boolean;
}

export interface ShellMakeCalls {
  invocations: MakeInvocation[];
  /** The text changes the working directory (`cd`, `pushd`): later `make` calls run elsewhere. */
  changesDirectory: boolean;
}

const MAKE_NAMES = new Set(['make', 'gmake']);
/** Options of GNU make that take the next word as their value. */
const WITH_VALUE = new Set(['-C', '-f', '-I', '-o', '-W', '--directory', '--file', '--makefile', '--include-dir', '--old-file', '--assume-old', '--new-file', '--assume-new', '--what-if']);
/** Options whose value is optional and, when given, a number in the next word. */
const OPTIONAL_NUMBER = new Set(['-j', '-l', '--jobs', '--load-average', '--max-load']);

function literal(word: string): string | undefined {
  if (/[$`*?[\]{}~]/.test(word)) return undefined;
  if (/^'[^']*'$/.test(word) || /^"[^"\\]*"$/.test(word)) return word.slice(1, -1);
  if (/['"\\]/.test(word)) return undefined;
  return word;
}

/** The GNU make default goal files, in the order make looks for them. */
export const DEFAULT_MAKEFILES = ['GNUmakefile', 'makefile', 'Makefile'] as const;

/** The `make` calls of a shell text, up to the first change of directory. */
export function makeCalls(text: string): ShellMakeCalls {
  const invocations: MakeInvocation[] = [];
  for (const command of splitCommands(text, 0)) {
    const k = commandWordIndex(command.words);
    const nameWord = command.words[k];
    if (!nameWord) continue;
    const name = nameWord.text.replace(/^.*\//, '');
    if (name === 'cd' || name === 'pushd' || name === 'popd') return { invocations, changesDirectory: true };
    if (!MAKE_NAMES.has(name)) continue;
    invocations.push(readArgs(command.words.slice(k + 1).map((w) => ({ text: w.text, start: w.span.start, end: w.span.end }))));
  }
  return { invocations, changesDirectory: false };
}

function readArgs(words: { text: string; start: number; end: number }[]): MakeInvocation {
  const call: MakeInvocation = { directory: '', targets: [], uncertain: false };
  const setPath = (option: string, value: string | undefined) => {
    if (value === undefined) {
      call.uncertain = true;
      return;
    }
    if (option === '-C' || option === '--directory') call.directory = call.directory ? `${call.directory}/${value}` : value;
    else if (option === '-f' || option === '--file' || option === '--makefile') call.makefile = value;
  };
  let onlyTargets = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const text = word.text;
    if (!onlyTargets && text === '--') {
      onlyTargets = true;
      continue;
    }
    if (!onlyTargets && text.startsWith('--')) {
      const [option, value] = text.split(/=(.*)/s) as [string, string | undefined];
      if (WITH_VALUE.has(option)) setPath(option, literal(value ?? words[++i]?.text ?? ''));
      continue;
    }
    if (!onlyTargets && text.startsWith('-') && text.length > 1) {
      const option = text.slice(0, 2);
      if (WITH_VALUE.has(option)) setPath(option, literal(text.length > 2 ? text.slice(2) : (words[++i]?.text ?? '')));
      else if (/^-[A-Za-z]+[Cf]/.test(text)) call.uncertain = true;
      else if (OPTIONAL_NUMBER.has(option) && text.length === 2 && /^\d+$/.test(words[i + 1]?.text ?? '')) i++;
      continue;
    }
    if (/^[A-Za-z_][A-Za-z0-9_.]*\+?:?=/.test(text)) continue;
    const name = literal(text);
    if (name === undefined || name === '') continue;
    call.targets.push({ name, start: word.start, end: word.end });
  }
  return call;
}
