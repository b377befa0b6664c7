/**
 * The shared body of the `*-package-unpinned` checks: find the package operands of install commands,
 * resolve variables where their values are known, and report each operand that names no version on
 * the operand itself.
 */
import type { ShellCheckContext } from './check.js';
import type { ShellCommand, ShellScript, ShellWord } from './model.js';
import { wordValues } from './packages.js';

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
  /** The finding's message for an unpinned operand. */
  message(pkg: string, install: PackageInstall): string;
}

/** A shell check body reporting every unpinned package operand of the installs `spec` finds. */
export function unpinnedPackages(spec: PinSpec): (ctx: ShellCheckContext) => void {
  return (ctx) => {
    for (const install of spec.installs(ctx.script, ctx)) {
      for (const word of install.operands) {
        // A variable with an unknown value may well hold a pinned spec (`curl=${CURL_VERSION}`): never guess.
        const values = wordValues(word, ctx.variable);
        if (!values) continue;
        const unpinned = values.filter((v) => v !== '' && !spec.notAPackage?.(v) && !spec.pinned(v, install));
        for (const pkg of unpinned) ctx.report({ message: spec.message(pkg, install), span: word.span });
      }
    }
  };
}
