/**
 * Shell checks: a check on shell commands written once and run as a rule of every file kind that holds
 * shell — a Dockerfile's `RUN` (`dockerfile/<name>`) and a GitLab CI job's `script:` lines
 * (`gitlab-ci/<name>`).
 *
 * Writing one:
 * ```ts
 * // src/lint/shell/checks/apt-get-missing-yes.ts
 * export default defineShellCheck({
 *   name: 'apt-get-missing-yes',
 *   hosts: ['dockerfile', 'gitlab-ci'],        // where the problem exists
 *   aliases: { dockerfile: ['DL3014'] },        // hadolint codes only make sense for Dockerfiles
 *   severity: 'warning', description, rationale, howToFix, fixable: true,
 *   examples: {                                 // shell snippets; each host wraps them in its file format
 *     bad: [{ script: 'apt-get install curl', output: 'apt-get install -y curl' }],
 *     good: [{ script: 'apt-get install -y curl' }],
 *   },
 *   check(ctx) {
 *     for (const cmd of commandsNamed(ctx.script, 'apt-get')) …ctx.report({ message, span: cmd.span });
 *   },
 * });
 * ```
 * Then instantiate it per host, one file per rule as usual:
 * - `src/lint/dockerfile/rules/<name>.ts`: `export default dockerfileShellRule(check)` (see
 *   ../dockerfile/shell-rule.ts), listed in ../dockerfile/rules/index.ts;
 * - `src/lint/gitlab-ci/rules/<name>.ts`: the GitLab CI adapter does the same for `script:` lines, when
 *   `hosts` includes `gitlab-ci` (it skips image-only checks such as pip's `--no-cache-dir`).
 *
 * A check reads only `ctx`: the script, the variables in effect and the mounts. It must not look at the
 * Dockerfile or the YAML; a rule that needs them (stages, layers, `SHELL`) is a plain rule of its kind.
 */
import type { Fix, FileKind, Severity, Span } from '../engine/types.js';
import type { ScriptHistory } from './history.js';
import type { ShellScript } from './model.js';

/** The file kinds whose files hold shell scripts. */
export type ShellHost = Extract<FileKind, 'dockerfile' | 'gitlab-ci'>;

/** A cache, tmpfs, bind or secret mount the script runs with (Dockerfile `RUN --mount=…`). */
export interface ShellMount {
  type: string;
  /** Where it is mounted, e.g. `/var/cache/apt`. */
  target: string | undefined;
}

export interface ShellCheckContext {
  /** Which kind of file the script is in; use it to word a message, not to change what is a problem. */
  host: ShellHost;
  script: ShellScript;
  /**
   * The value of a variable set around the script: Dockerfile `ENV`/`ARG` in effect at the `RUN`, a CI
   * job's `variables:`. Undefined when not set or unknown (a build argument without a default).
   */
  variable(name: string): string | undefined;
  /** Mounts of the `RUN` (always empty for CI scripts). */
  mounts: readonly ShellMount[];
  /**
   * The image the script runs in when known: the root image of the Dockerfile stage (`alpine:3.20`, ARGs
   * substituted), a CI job's `image:`. For tools that differ by distribution (BusyBox wget on Alpine).
   */
  image?: string | undefined;
  /**
   * Scripts that ran before this one in the same environment, oldest first: the earlier RUNs of the
   * stage and of the stages it builds on; the earlier script lines of the CI job. For what they leave
   * behind, such as APT configuration files (`APT::Get::Assume-Yes "true";`). Ask it with `some`/`last`
   * and a module-level function: the answers are shared along the file, so asking costs O(1) per script
   * (./history.ts).
   */
  earlier: ScriptHistory;
  report(report: { message: string; span: Span; fix?: Fix | Fix[] }): void;
}

/** One example, written as shell. */
export interface ShellExample {
  /** The script. A multi-line script becomes a here-document `RUN` / a block scalar `script:` item. */
  script: string;
  /** For a fixable check's bad example: the script after the fix. */
  output?: string;
  /** Variables set around the script (Dockerfile `ENV` lines, CI `variables:`). */
  variables?: Record<string, string>;
  /** The image the script runs in (Dockerfile `FROM`, CI `image:`); each host has a default. */
  image?: string;
  note?: string;
}

export interface ShellCheck {
  /** Kebab-case; the rule ids are `<host>/<name>`. */
  name: string;
  /** The hosts where the problem exists; adapters refuse to instantiate the check elsewhere. */
  hosts: readonly ShellHost[];
  severity: Severity;
  description: string;
  rationale: string;
  howToFix: string;
  fixable: boolean;
  /** Codes of other tools per host (hadolint `DLxxxx` for Dockerfiles). */
  aliases?: Partial<Record<ShellHost, string[]>>;
  examples: { bad: ShellExample[]; good: ShellExample[] };
  check(ctx: ShellCheckContext): void;
}

/** Define a shell check (identity, for type checking). */
export function defineShellCheck(check: ShellCheck): ShellCheck {
  return check;
}
