/** What rules need to know about Debian's package tools (apt-get, apt, aptitude). */
import { findFlags, subcommand } from './args.js';
import type { ScriptHistory } from './history.js';
import type { ShellCommand, ShellScript } from './model.js';

/** Programs that read the apt package lists and install packages. */
export const APT_PROGRAMS: readonly string[] = ['apt-get', 'apt', 'aptitude'];

/** Subcommands that ask "Do you want to continue? [Y/n]" before changing packages. */
export const APT_PROMPTING_SUBCOMMANDS: readonly string[] = [
  'install', 'reinstall', 'remove', 'purge', 'autoremove', 'autopurge', 'upgrade', 'dist-upgrade', 'full-upgrade',
  'build-dep', 'satisfy',
];

/** Subcommands that change installed packages (and so use the package lists). */
export const APT_INSTALLING_SUBCOMMANDS: readonly string[] = [
  'install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'satisfy', 'source',
];

/** The apt subcommand (`install` in `apt-get -q install x`), when the command is an apt program. */
export function aptSubcommand(cmd: ShellCommand): string | undefined {
  if (cmd.name === undefined || !APT_PROGRAMS.includes(cmd.name)) return undefined;
  return subcommand(cmd)?.value;
}

/** True for `apt-get update`, `apt update`, `aptitude update`. */
export function isAptUpdate(cmd: ShellCommand): boolean {
  return aptSubcommand(cmd) === 'update';
}

/**
 * The value an APT configuration file written by `script` or by one of the scripts before it gives to
 * `name` (`echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90yes`, a here-document…), the last
 * one written; undefined when none.
 */
export function aptConfigured(earlier: ScriptHistory, script: ShellScript, name: string): string | undefined {
  const read = configReader(name);
  return read(script) ?? earlier.last(read);
}

/** One reader per configuration name, so that the history remembers its answers (history.ts). */
const configReaders = new Map<string, (script: ShellScript) => string | undefined>();

function configReader(name: string): (script: ShellScript) => string | undefined {
  let read = configReaders.get(name);
  if (!read) {
    const pattern = new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\s*=\\s*|\\s+)"?([^";\\s]*)`, 'gi');
    read = (script) => {
      let found: string | undefined;
      for (const m of script.text.matchAll(pattern)) found = m[1];
      return found;
    };
    configReaders.set(name, read);
  }
  return read;
}

/** The value of an APT configuration item given with `-o Name=value` (case-insensitive name). */
export function aptOption(cmd: ShellCommand, name: string): string | undefined {
  let found: string | undefined;
  for (const o of findFlags(cmd, '-o', '--option')) {
    const v = o.value;
    if (v === undefined) continue;
    const eq = v.indexOf('=');
    if (eq > 0 && v.slice(0, eq).toLowerCase() === name.toLowerCase()) found = v.slice(eq + 1);
  }
  return found;
}

/** True for an APT boolean option value that means yes. */
export function aptTrue(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}

/** True for an APT boolean option value that means no. */
export function aptFalse(value: string | undefined): boolean {
  return value !== undefined && /^(0|false|no|off)$/i.test(value.trim());
}

/** The quiet level: `-q` 1, `-qq` 2, `-q=2`, `--quiet --quiet`. */
export function aptQuietLevel(cmd: ShellCommand): number {
  let level = 0;
  for (const o of findFlags(cmd, '-q', '--quiet')) {
    const n = o.value !== undefined ? Number(o.value) : NaN;
    level = Number.isFinite(n) ? n : level + 1;
  }
  return level;
}
