/**
 * What rules need to know about package managers other than apt (see apt.ts): how yum/dnf, zypper, gem,
 * pip, npm, yarn and go read their command lines, which subcommands install, and what a version pin
 * looks like for each. Shared by the `*-package-unpinned`, `*-missing-yes` and cache rules.
 */
import type { Fix } from '../engine/types.js';
import type { ShellCheckContext } from './check.js';
import type { ScriptHistory } from './history.js';
import { COMMAND_OPTIONS, parseArgs, type CommandOptionSpec, type ParsedArgs } from './args.js';
import type { ShellCommand, ShellScript, ShellWord } from './model.js';
import { unquoteWord } from './words.js';

/** yum, dnf, microdnf, dnf5 and tdnf: options that take a value (they may come anywhere on the line). */
export const RPM_OPTIONS: CommandOptionSpec = {
  withValue: [
    '-c', '--config', '--installroot', '--enablerepo', '--disablerepo', '--repo', '--repoid', '-x', '--exclude',
    '--setopt', '--releasever', '-d', '--debuglevel', '-e', '--errorlevel', '--rpmverbosity', '--forcearch',
    '--repofrompath', '--downloaddir', '--destdir', '--disableplugin', '--enableplugin', '--color', '--comment',
    '--advisory', '--advisories', '--bz', '--cve', '--sec-severity', '--secseverity', '--platform-id', '--use-host-config',
  ],
};

/** zypper: global options (before the subcommand) and install options that take a value. */
export const ZYPPER_OPTIONS: CommandOptionSpec = {
  withValue: [
    '-c', '--config', '-R', '--root', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir',
    '--pkg-cache-dir', '-p', '--plus-repo', '--plus-content', '-r', '--repo', '--from', '-t', '--type', '--download',
    '--userdata', '--installroot',
  ],
};

/** gem install. */
export const GEM_OPTIONS: CommandOptionSpec = {
  withValue: [
    '-v', '--version', '-s', '--source', '-i', '--install-dir', '-n', '--bindir', '-P', '--trust-policy', '--platform',
    '-g', '--file', '--build-root', '--document', '-p', '--http-proxy', '-B', '--bulk-threshold',
  ],
};

/** yarn (v1 and berry). */
export const YARN_OPTIONS: CommandOptionSpec = {
  withValue: ['--cache-folder', '--modules-folder', '--cwd', '--registry', '--network-timeout', '--mutex', '--network-concurrency', '--global-folder', '--prefix', '--link-folder', '--use-yarnrc'],
};

/** pip and its aliases (`pip3`, `pip3.12`). */
export const PIP_OPTIONS: CommandOptionSpec = COMMAND_OPTIONS['pip']!;

/** The rpm-based package tools of the dnf family (yum has its own rules). */
export const DNF_PROGRAMS: readonly string[] = ['dnf', 'dnf5', 'microdnf', 'tdnf'];

/** The rpm package tools of both families, for clean-up commands that count for either. */
export const RPM_PROGRAMS: readonly string[] = ['yum', ...DNF_PROGRAMS];

/** Options and operands of `cmd` read with `spec`. */
export function argsWith(cmd: ShellCommand, spec: CommandOptionSpec): ParsedArgs {
  return parseArgs(cmd, spec);
}

/** True when the parsed options contain any of `names`. */
export function hasOption(parsed: ParsedArgs, ...names: string[]): boolean {
  return parsed.options.some((o) => names.includes(o.name));
}

/** An edit inserting ` text` right after `word` (`apk add` → `apk add --no-cache`). */
export function insertAfter(word: ShellWord, text: string): Fix {
  return { range: [word.span.end, word.span.end], text: ` ${text}` };
}

/** True when the command reads its answers from `yes |`. */
export function fedByYes(cmd: ShellCommand): boolean {
  const stages = cmd.pipeline?.commands;
  if (!stages) return false;
  return stages[stages.indexOf(cmd) - 1]?.name === 'yes';
}

/** True for the values a tool's boolean setting takes for yes (`1`, `true`, `yes`, `on`, any case). */
export function truthy(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}

const SIMPLE_EXPANSION = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * The values a word stands for: its literal value, or, when it only expands variables whose values are
 * known (`$PKG`, `"curl=${CURL_VERSION}"`), the substituted text, split at blanks when the expansion is
 * unquoted. Undefined when anything in it is unknown or not a plain variable (`$(…)`, `${X:-y}`): the
 * caller must then not guess.
 */
export function wordValues(word: ShellWord, variable: (name: string) => string | undefined): string[] | undefined {
  if (word.value !== undefined) return [word.value];
  let unknown = false;
  const substituted = word.raw.replace(SIMPLE_EXPANSION, (_m, braced: string | undefined, bare: string | undefined) => {
    const value = variable((braced ?? bare)!);
    if (value === undefined || /[\\'"$`]/.test(value)) unknown = true;
    return value ?? '';
  });
  if (unknown) return undefined;
  const value = unquoteWord(substituted);
  if (value === undefined) return undefined;
  return /["']/.test(word.raw) ? [value] : value.split(/\s+/).filter((v) => v !== '');
}

/** Normalises a path operand for comparisons: no trailing `/`, `/*`, `/.` (`/var/cache/yum/*` → `/var/cache/yum`). */
function trimPath(path: string): string {
  let p = path;
  for (;;) {
    const next = p.replace(/\/\*$/, '').replace(/\/\.?$/, '');
    if (next === p || next === '') return p;
    p = next;
  }
}

/**
 * True when `path` (an `rm` operand, a mount target) covers `dir`: it is `dir`, a directory above it,
 * or a glob that matches it (`/var/cache/*`, `/var/cache/dnf*`); `partOf` also accepts paths inside it
 * (`/var/cache/yum/x86_64`).
 */
export function pathCovers(path: string, dir: string, partOf = false): boolean {
  const p = trimPath(path);
  if (p === dir || dir.startsWith(`${p}/`)) return true;
  if (p.endsWith('*') && dir.startsWith(p.slice(0, -1))) return true;
  return partOf && p.startsWith(`${dir}/`);
}

/** True when `cmd` is an `rm` (or `find … -delete`) of one of `dirs` or of files in it. */
export function removesDir(cmd: ShellCommand, dirs: readonly string[]): boolean {
  if (cmd.name !== 'rm' && cmd.name !== 'find') return false;
  if (cmd.name === 'find' && !cmd.args.some((a) => a.value === '-delete' || a.value === '-exec')) return false;
  return cmd.args.some((a) => a.value !== undefined && !a.value.startsWith('-') && dirs.some((d) => pathCovers(a.value!, d, true)));
}

/** A `RUN --mount` as the checks see it. */
export interface MountLike {
  type: string;
  target: string | undefined;
}

/** True when a cache or tmpfs mount keeps one of `dirs` out of the layer. */
export function cacheMounted(mounts: readonly MountLike[], dirs: readonly string[]): boolean {
  return mounts.some((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== undefined && dirs.some((d) => pathCovers(m.target!, d)));
}

/** The words that name the action: `install`, or `group install` / `module install` (yum, dnf). */
export function rpmAction(cmd: ShellCommand): ShellWord[] {
  const [first, second] = argsWith(cmd, RPM_OPTIONS).positionals;
  if (!first?.value) return [];
  if ((first.value === 'group' || first.value === 'module' || first.value === 'groups') && second?.value) return [first, second];
  return [first];
}

/** The action as text: `install`, `group install`. */
export function rpmActionName(cmd: ShellCommand): string {
  return rpmAction(cmd).map((w) => w.value).join(' ');
}

/** True when a yum/dnf command installs, upgrades or fetches metadata, so its cache grows. */
export function rpmFillsCache(cmd: ShellCommand): boolean {
  return /^(install|groupinstall|localinstall|reinstall|update|upgrade|update-minimal|upgrade-minimal|distro-sync|distrosync|downgrade|makecache|swap|(group|groups|module) (install|update|upgrade))$/.test(rpmActionName(cmd));
}

/** True for `yum clean all` / `dnf clean all` / `microdnf clean all` (or `clean metadata packages`). */
export function rpmCleansAll(cmd: ShellCommand): boolean {
  if (cmd.name === undefined || !RPM_PROGRAMS.includes(cmd.name)) return false;
  const [action, ...what] = argsWith(cmd, RPM_OPTIONS).positionals.map((w) => w.value);
  if (action !== 'clean') return false;
  return what.includes('all') || (what.includes('metadata') && what.includes('packages'));
}

/** The package operands of an rpm-family install (`dnf install -y a b`), or undefined when it is not one. */
export function rpmInstallOperands(cmd: ShellCommand): ShellWord[] | undefined {
  const positional = argsWith(cmd, RPM_OPTIONS).positionals;
  const first = positional[0]?.value;
  if (first === 'install') return positional.slice(1);
  if (first === 'module' && positional[1]?.value === 'install') return positional.slice(2);
  return undefined;
}

/**
 * True when an rpm package argument names a version: `httpd-2.4.57`, `httpd-2.4.57-5.el9`,
 * `nodejs-1:18.19.0`, a `.rpm` file or URL, or a module stream (`nodejs:18`, for `module install`).
 * The last dash-separated part must start with a digit, so `python3-pip` and `java-17-openjdk` are names.
 */
export function rpmPinned(pkg: string, module: boolean): boolean {
  if (module) return pkg.includes(':');
  if (/\.rpm$/i.test(pkg)) return true;
  const dash = pkg.lastIndexOf('-');
  if (dash <= 0) return false;
  return /^(\d+:)?\d[A-Za-z0-9.~^_+:*]*$/.test(pkg.slice(dash + 1));
}

/** A `pip install` in any of its spellings. */
export interface PipInstall {
  cmd: ShellCommand;
  /** As written in messages: `pip3 install`, `python3 -m pip install`, `pipx install`, `uv pip install`. */
  verb: string;
  /** The `install` word. */
  installWord: ShellWord;
  /** pip's options and operands from the `install` word on (`positionals[0]` is `install`). */
  parsed: ParsedArgs;
  /** Which front end runs pip: pipx and uv keep their own caches. */
  frontEnd: 'pip' | 'pipx' | 'uv';
}

const PIP_NAME = /^pip\d*(\.\d+)*$/;
const PYTHON_NAME = /^python\d*(\.\d+)*$/;

/**
 * `pip install …`, `pip3.12 install`, `python3 -m pip install`, and with `frontEnds`, `pipx install` and
 * `uv pip install`; undefined for any other command.
 */
export function pipInstall(cmd: ShellCommand, frontEnds = false): PipInstall | undefined {
  const name = cmd.name;
  if (name === undefined) return undefined;
  const values = cmd.args.map((a) => a.value);
  let from: number;
  let prefix: string;
  let frontEnd: PipInstall['frontEnd'] = 'pip';
  if (PIP_NAME.test(name)) {
    from = 0;
    prefix = name;
  } else if (PYTHON_NAME.test(name)) {
    // Only among the interpreter's own options: `python app.py -m pip` runs app.py.
    let m = -1;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === '-mpip' || (v === '-m' && values[i + 1] === 'pip')) m = i;
      if (m >= 0 || v === undefined || !v.startsWith('-') || v === '-m' || v === '-c') break;
      if (v === '-W' || v === '-X') i++;
    }
    if (m < 0) return undefined;
    from = values[m] === '-m' ? m + 2 : m + 1;
    prefix = `${name} -m pip`;
  } else if (frontEnds && name === 'pipx') {
    from = 0;
    prefix = name;
    frontEnd = 'pipx';
  } else if (frontEnds && name === 'uv' && values[0] === 'pip') {
    from = 1;
    prefix = 'uv pip';
    frontEnd = 'uv';
  } else {
    return undefined;
  }
  const parsed = parseArgs({ ...cmd, args: cmd.args.slice(from) }, PIP_OPTIONS);
  const installWord = parsed.positionals[0];
  if (installWord?.value !== 'install') return undefined;
  return { cmd, verb: `${prefix} install`, installWord, parsed, frontEnd };
}

/** yum/dnf actions that ask "Is this ok [y/N]" before changing packages. */
const RPM_PROMPTING = new RegExp(
  '^(install|groupinstall|localinstall|reinstall|remove|erase|update|upgrade|update-minimal|upgrade-minimal|downgrade|' +
    'distro-sync|distrosync|autoremove|swap|groupremove|groupupdate|groupupgrade|groupinstall|' +
    '(group|groups) (install|remove|upgrade|update)|module (install|remove|enable|disable|reset|switch-to|update|upgrade))$',
);

/** `assumeyes=1` written to yum.conf/dnf.conf by a script, or given with `--setopt`. */
const ASSUME_YES = /(^|[\s'"]|\\n)assumeyes\s*=\s*(1|true|yes|on)\b/im;

/** True when the script's text sets `assumeyes=1` (a yum/dnf configuration file, `--setopt`). */
function writesAssumeYes(script: ShellScript): boolean {
  return ASSUME_YES.test(script.text);
}

/**
 * The yum/dnf commands named one of `programs` in `script` that would wait for a confirmation: a prompting
 * action without `-y`/`--assumeyes`/`--assumeno`, `--setopt=assumeyes=1`, `yes |`, or `assumeyes=1` in a
 * configuration file written by `earlier` scripts or this one. Each comes with the words of its action.
 */
export function rpmUnanswered(script: ShellScript, earlier: ScriptHistory, programs: readonly string[]): { cmd: ShellCommand; action: ShellWord[] }[] {
  const out: { cmd: ShellCommand; action: ShellWord[] }[] = [];
  for (const cmd of script.commands) {
    if (cmd.name === undefined || !programs.includes(cmd.name)) continue;
    const action = rpmAction(cmd);
    if (!RPM_PROMPTING.test(action.map((w) => w.value).join(' '))) continue;
    const parsed = argsWith(cmd, RPM_OPTIONS);
    if (hasOption(parsed, '-y', '--assumeyes', '--assumeno') || fedByYes(cmd)) continue;
    if (parsed.options.some((o) => o.name === '--setopt' && o.value !== undefined && ASSUME_YES.test(o.value))) continue;
    out.push({ cmd, action });
  }
  // Asked only when there is a command to answer: reading the history costs a scan of every earlier script.
  if (out.length > 0 && (writesAssumeYes(script) || earlier.some(writesAssumeYes))) return [];
  return out;
}

/** Reports each yum/dnf command of `programs` that would wait for a confirmation, with a fix adding `-y`. */
export function reportRpmMissingYes(ctx: ShellCheckContext, programs: readonly string[]): void {
  for (const { cmd, action } of rpmUnanswered(ctx.script, ctx.earlier, programs)) {
    const last = action[action.length - 1]!;
    const where = ctx.host === 'dockerfile' ? 'a build' : 'a CI job';
    ctx.report({
      message: `\`${cmd.name} ${action.map((w) => w.value).join(' ')}\` without \`-y\` waits for a confirmation that never comes in ${where}; add \`-y\``,
      span: { start: cmd.nameWord!.span.start, end: last.span.end },
      fix: insertAfter(last, '-y'),
    });
  }
}

/** A zypper command's subcommand word (after the global options). */
export function zypperSubcommand(cmd: ShellCommand): ShellWord | undefined {
  if (cmd.name !== 'zypper') return undefined;
  return argsWith(cmd, ZYPPER_OPTIONS).positionals[0];
}
