/** Small questions rules ask of a script or a command. */
import type { ShellCommand, ShellScript } from './model.js';

/** The simple commands whose program is one of `names` (base names: `apt-get`, `pip3`). */
export function commandsNamed(script: ShellScript, ...names: string[]): ShellCommand[] {
  return script.commands.filter((c) => c.name !== undefined && names.includes(c.name));
}

/** True when the command was run through the wrapper `name` (`sudo`, `env`, `xargs` …). */
export function hasWrapper(cmd: ShellCommand, name: string): boolean {
  return cmd.wrappers.some((w) => w.name === name);
}

/** The value of `NAME=value` given to the command (prefix or `env`), if literal. */
export function assignedValue(cmd: ShellCommand, name: string): string | undefined {
  for (let i = cmd.assignments.length - 1; i >= 0; i--) {
    const a = cmd.assignments[i]!;
    if (a.name === name) return a.value?.value ?? '';
  }
  return undefined;
}

/**
 * True when `set -o NAME` (or `set -euo NAME`) runs in the script's top level before `before`: later
 * commands of the same shell run with the option on.
 */
export function setsShellOption(script: ShellScript, option: string, before: ShellCommand | undefined): boolean {
  for (const c of script.commands) {
    if (before && c.span.start >= before.span.start) break;
    if (c.name !== 'set' || c.context.subshell || c.context.substitution || c.context.function) continue;
    const args = c.args.map((a) => a.value);
    for (let i = 0; i < args.length; i++) {
      const v = args[i];
      if (v === undefined || !v.startsWith('-') || v.startsWith('--')) continue;
      if (v.slice(1).includes('o') && args[i + 1] === option) return true;
    }
  }
  return false;
}
