/**
 * The shared body of the `*-package-unpinned` checks: find the package operands of install commands,
 * resolve variables where their values are known, and report the operands that name no version: one
 * finding per install command (hadolint gives one per RUN; one per package would bury a RUN that installs
 * thirty build dependencies under thirty findings), on the first unpinned operand, naming them all.
 */
import type { ShellCheckContext } from './check.js';
import type { ShellCommand, ShellScript, ShellWord } from './model.js';
import { rpmActionName, rpmInstallOperands, wordValues } from './packages.js';

/** An install command and its package operands. */
export interface PackageInstall {
  cmd: ShellCommand;
  /** How the install is written in messages: `pip install`, `apk add`. */
  verb: string;
  /** The package operands (option values already left out). */
  operands: ShellWord[];
  /** Passed to `pinned`: e.g. `dnf module install` pins a stream, not a version. */
  module?: boolean;
}

export interface PinSpec {
  /** The install commands of a script. */
  installs(script: ShellScript, ctx: ShellCheckContext): PackageInstall[];
  /** True when the operand names a version (or is a file, path or URL that fixes one). */
  pinned(pkg: string, install: PackageInstall): boolean;
  /** True when the operand is not a package at all (`!pyc` for apk, `@group` for dnf). */
  notAPackage?(pkg: string): boolean;
  /**
   * The finding's message; `what` is the first unpinned package, or a list of them all (`curl, git and 3
   * more`), `first` the first one (to show a pinned form).
   */
  message(what: string, first: string, install: PackageInstall): string;
}

/** A shell check body reporting every unpinned package operand of the installs `spec` finds. */
export function unpinnedPackages(spec: PinSpec): (ctx: ShellCheckContext) => void {
  return (ctx) => {
    for (const install of spec.installs(ctx.script, ctx)) {
      const unpinned: { pkg: string; word: ShellWord }[] = [];
      for (const word of install.operands) {
        // A variable with an unknown value may well hold a pinned spec (`curl=${CURL_VERSION}`): never guess.
        const values = wordValues(word, ctx.variable);
        if (!values) continue;
        for (const pkg of values) if (pkg !== '' && !spec.notAPackage?.(pkg) && !spec.pinned(pkg, install)) unpinned.push({ pkg, word });
      }
      const first = unpinned[0];
      if (!first) continue;
      const names = unpinned.map((u) => u.pkg);
      ctx.report({ message: spec.message(listNames(names), first.pkg, install), span: first.word.span });
    }
  };
}

/** `a`, `a and b`, `a, b and c`, `a, b, c and 4 more`. */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length === 1) return names[0]!;
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** The start of a message: `` `pip install flask` installs`` or `` `pip install` of flask and black installs``. */
export function installsWhat(install: PackageInstall, what: string, first: string): string {
  return what === first ? `\`${install.verb} ${first}\` installs` : `\`${install.verb}\` of ${what} installs`;
}

/** `it` for one package, `them` for several. */
export function itOrThem(what: string, first: string): string {
  return what === first ? 'it' : 'them';
}

/** The `install` / `module install` commands of the rpm tools `programs` (yum, dnf…) and their operands. */
export function rpmInstalls(script: ShellScript, programs: readonly string[]): PackageInstall[] {
  return script.commands.flatMap((cmd) => {
    if (cmd.name === undefined || !programs.includes(cmd.name)) return [];
    const operands = rpmInstallOperands(cmd);
    if (!operands) return [];
    const module = rpmActionName(cmd) === 'module install';
    return [{ cmd, verb: `${cmd.name} ${module ? 'module install' : 'install'}`, operands, module }];
  });
}
