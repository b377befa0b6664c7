/**
 * Reading a command's options the way the program itself does: combined short flags (`-yq`), attached
 * values (`-oFoo`, `--opt=value`), values in the next word for options that take one, and `--`.
 *
 * Which options take a value is per program; `COMMAND_OPTIONS` lists them for the tools rules look at.
 * When a rule needs a tool that is not there, add it: an option missing from the list makes its value
 * look like a positional argument (a package name, a URL).
 */
import type { ShellCommand, ShellWord } from './model.js';

export interface CommandOptionSpec {
  /** Options that take a value, short (`-o`) and long (`--option`). */
  withValue: readonly string[];
}

const APT_WITH_VALUE = ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture'];
const PIP_WITH_VALUE = [
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url',
  '-f', '--find-links', '--trusted-host', '-t', '--target', '--prefix', '--root', '--src', '--upgrade-strategy',
  '--platform', '--python-version', '--implementation', '--abi', '--cache-dir', '--log', '--proxy', '--retries',
  '--timeout', '--exists-action', '--cert', '--client-cert', '--progress-bar', '--global-option',
  '--install-option', '--config-settings', '-C', '--only-binary', '--no-binary', '--report', '--python',
  '--root-user-action', '--keyring-provider', '--use-feature', '--use-deprecated', '--group',
];

/** Value-taking options of the programs rules inspect, by base name. */
export const COMMAND_OPTIONS: Record<string, CommandOptionSpec> = {
  'apt-get': { withValue: APT_WITH_VALUE },
  apt: { withValue: APT_WITH_VALUE },
  'apt-cache': { withValue: APT_WITH_VALUE },
  aptitude: { withValue: ['-t', '--target-release', '-o', '-F', '--display-format', '-w', '--width', '--sort', '-S'] },
  apk: {
    withValue: ['-X', '--repository', '-t', '--virtual', '-p', '--root', '--keys-dir', '--arch', '--cache-dir', '--repositories-file', '--cache-max-age', '--timeout'],
  },
  pip: { withValue: PIP_WITH_VALUE },
  pip3: { withValue: PIP_WITH_VALUE },
  curl: {
    withValue: [
      '-o', '--output', '-H', '--header', '-d', '--data', '--data-binary', '--data-raw', '--data-urlencode', '-X', '--request',
      '-u', '--user', '-A', '--user-agent', '-e', '--referer', '-w', '--write-out', '-T', '--upload-file', '-x', '--proxy',
      '-b', '--cookie', '-c', '--cookie-jar', '-K', '--config', '--connect-timeout', '-m', '--max-time', '--retry',
      '--retry-delay', '--retry-max-time', '--url', '-F', '--form', '--cacert', '--capath', '-E', '--cert', '--key',
      '-r', '--range', '-C', '--continue-at', '--resolve', '--proto', '--proto-redir', '-Y', '--speed-limit', '-y',
      '--speed-time', '--limit-rate', '--max-filesize', '--output-dir', '--dns-servers', '--interface',
    ],
  },
  wget: {
    withValue: [
      '-O', '--output-document', '-o', '--output-file', '-a', '--append-output', '-P', '--directory-prefix', '-t', '--tries',
      '-T', '--timeout', '-U', '--user-agent', '--header', '-e', '--execute', '-i', '--input-file', '-B', '--base',
      '--user', '--password', '--ca-certificate', '--certificate', '--private-key', '-w', '--wait', '-Q', '--quota',
      '--limit-rate', '-l', '--level', '-A', '--accept', '-R', '--reject', '-D', '--domains', '--progress',
    ],
  },
  npm: { withValue: ['--registry', '--loglevel', '--prefix', '-w', '--workspace', '--cache', '--userconfig', '--omit', '--include', '--tag'] },
  useradd: {
    withValue: ['-u', '--uid', '-g', '--gid', '-G', '--groups', '-d', '--home-dir', '-s', '--shell', '-c', '--comment', '-k', '--skel', '-e', '--expiredate', '-f', '--inactive', '-p', '--password', '-K', '--key', '-b', '--base-dir', '-R', '--root', '-P', '--prefix', '-Z', '--selinux-user'],
  },
  set: { withValue: ['-o', '+o'] },
};

/** One option as the program sees it. */
export interface ParsedOption {
  /** `-y` for a short option (also one letter of a combined `-yq`), `--yes` for a long one. */
  name: string;
  /** The option's value, when it takes one (attached or in the next word); `undefined` when dynamic. */
  value: string | undefined;
  /** The word the option is written in. */
  word: ShellWord;
  /** The word holding the value when it is the next word. */
  valueWord?: ShellWord;
}

export interface ParsedArgs {
  options: ParsedOption[];
  /** Operands: words that are neither options nor option values, in order. */
  positionals: ShellWord[];
}

const parseCache = new WeakMap<ShellCommand, ParsedArgs>();

/**
 * A command's options and operands. `spec` defaults to the entry of `COMMAND_OPTIONS` for the command's
 * name (no value-taking options when there is none). Words with dynamic values count as operands.
 */
export function parseArgs(cmd: ShellCommand, spec?: CommandOptionSpec): ParsedArgs {
  if (!spec) {
    const cached = parseCache.get(cmd);
    if (cached) return cached;
  }
  const withValue = (spec ?? (cmd.name !== undefined ? COMMAND_OPTIONS[cmd.name] : undefined))?.withValue ?? [];
  const options: ParsedOption[] = [];
  const positionals: ShellWord[] = [];
  const args = cmd.args;
  let onlyOperands = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const v = word.value;
    if (onlyOperands || v === undefined || v.length < 2 || !(v.startsWith('-') || (cmd.name === 'set' && v.startsWith('+')))) {
      positionals.push(word);
      continue;
    }
    if (v === '--') {
      onlyOperands = true;
      continue;
    }
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      if (eq >= 0) {
        options.push({ name: v.slice(0, eq), value: v.slice(eq + 1), word });
      } else if (withValue.includes(v) && i + 1 < args.length) {
        const next = args[++i]!;
        options.push({ name: v, value: next.value, word, valueWord: next });
      } else {
        options.push({ name: v, value: undefined, word });
      }
      continue;
    }
    // A cluster of short options: -yq, -oAPT::x=1, -q=2.
    const sign = v[0]!;
    for (let k = 1; k < v.length; k++) {
      const name = sign + v[k]!;
      const rest = v.slice(k + 1);
      if (rest.startsWith('=')) {
        options.push({ name, value: rest.slice(1), word });
        break;
      }
      if (withValue.includes(name)) {
        if (rest !== '') options.push({ name, value: rest, word });
        else if (i + 1 < args.length) {
          const next = args[++i]!;
          options.push({ name, value: next.value, word, valueWord: next });
        } else options.push({ name, value: undefined, word });
        break;
      }
      options.push({ name, value: undefined, word });
    }
  }
  const parsed = { options, positionals };
  if (!spec) parseCache.set(cmd, parsed);
  return parsed;
}

/** True when any of `names` (`-y`, `--yes`) is given, also inside a combined `-qy` or as `--yes=…`. */
export function hasFlag(cmd: ShellCommand, ...names: string[]): boolean {
  return parseArgs(cmd).options.some((o) => names.includes(o.name));
}

/** How many times any of `names` is given (`-q -q`, `-qq` count 2). */
export function countFlag(cmd: ShellCommand, ...names: string[]): number {
  return parseArgs(cmd).options.filter((o) => names.includes(o.name)).length;
}

/** The options among `names`, in order (to read repeated options such as `-o`). */
export function findFlags(cmd: ShellCommand, ...names: string[]): ParsedOption[] {
  return parseArgs(cmd).options.filter((o) => names.includes(o.name));
}

/** The value of the last of `names` given (`-o x`, `-ox`, `--opt=x`), or undefined. */
export function flagValue(cmd: ShellCommand, ...names: string[]): string | undefined {
  const found = findFlags(cmd, ...names);
  return found.length > 0 ? found[found.length - 1]!.value : undefined;
}

/** The operands (non-option words), option values skipped. */
export function positionals(cmd: ShellCommand): ShellWord[] {
  return parseArgs(cmd).positionals;
}

/** The first operand, e.g. `install` in `apt-get -q install -y curl`; undefined when absent or dynamic. */
export function subcommand(cmd: ShellCommand): ShellWord | undefined {
  return parseArgs(cmd).positionals[0];
}

/** True when the command is `name` (one of `names`) and its subcommand is one of `subcommands`. */
export function isSubcommand(cmd: ShellCommand, names: readonly string[], subcommands: readonly string[]): boolean {
  if (cmd.name === undefined || !names.includes(cmd.name)) return false;
  const sub = subcommand(cmd)?.value;
  return sub !== undefined && subcommands.includes(sub);
}
