/**
 * Commands that install a project's dependencies (`pip install -r requirements.txt`, `npm ci`,
 * `go mod download` …): which files they read, whether they need the project's source and whether they
 * download. For rules about dependency layers (cache busting, cache mounts) and pip's own options.
 */
import type { Span } from '../engine/types.js';
import { COMMAND_OPTIONS, parseArgs, type CommandOptionSpec } from './args.js';
import type { ShellCommand, ShellScript, ShellWord } from './model.js';

export type InstallTool = 'pip' | 'uv' | 'poetry' | 'pipenv' | 'npm' | 'yarn' | 'pnpm' | 'go' | 'bundler';

export interface DependencyInstall {
  cmd: ShellCommand;
  tool: InstallTool;
  /** The subcommand as written (`install`, `ci`, `i`); undefined for a bare `yarn` or `bundle`. */
  subcommand: string | undefined;
  /** The command as written, shortened: `python -m pip install -r requirements.txt`. */
  text: string;
  /** The dependency files it reads, as written (relative to the working directory unless absolute). */
  files: string[];
  /** A file or operand is named by an expansion (`-r $REQS`, `pip install $PKG`): what it reads is unknown. */
  dynamic: boolean;
  /** It installs the project itself or another local directory (`pip install .`, `poetry install`). */
  needsSource: boolean;
  /** It fetches packages from an index or registry (not `--no-index`, `--offline`, local wheels only). */
  downloads: boolean;
  /** From the program name to the subcommand: where a finding about the install points. */
  span: Span;
}

const PYTHON = /^python(\d+(\.\d+)?)?$/;
const PIP = /^pip(\d+(\.\d+)?)?$/;

const pipViews = new WeakMap<ShellCommand, ShellCommand | null>();

/**
 * The command as pip sees it, for `pip`, `pip3.12`, `python -m pip`, `python3 -m pip` and `uv pip`: a
 * view named `pip` whose args start after `pip` (so `parseArgs` reads pip's options). Undefined when
 * the command is not pip.
 */
export function pipCommand(cmd: ShellCommand): ShellCommand | undefined {
  const cached = pipViews.get(cmd);
  if (cached !== undefined) return cached ?? undefined;
  let view: ShellCommand | null = null;
  const name = cmd.name;
  if (name !== undefined) {
    let from: number | undefined;
    if (PIP.test(name)) from = 0;
    else if (PYTHON.test(name)) {
      for (let i = 0; i < cmd.args.length; i++) {
        const v = cmd.args[i]!.value;
        if (v === undefined || !v.startsWith('-')) break;
        if (v === '-m' && cmd.args[i + 1]?.value === 'pip') from = i + 2;
        else if (v === '-mpip') from = i + 1;
        if (from !== undefined || v === '-m' || v === '-c') break;
        if (v === '-W' || v === '-X') i++;
      }
    } else if (name === 'uv' && cmd.args[0]?.value === 'pip') from = 1;
    if (from !== undefined) view = { ...cmd, name: 'pip', args: cmd.args.slice(from) };
  }
  pipViews.set(cmd, view);
  return view ?? undefined;
}

const YARN: CommandOptionSpec = { withValue: ['--modules-folder', '--cache-folder', '--network-timeout', '--mutex', '--registry', '--cwd', '--network-concurrency', '--mode'] };
const PNPM: CommandOptionSpec = { withValue: ['--filter', '-F', '--store-dir', '--reporter', '--dir', '-C', '--virtual-store-dir', '--modules-dir', '--lockfile-dir', '--config', '--network-concurrency', '--child-concurrency'] };
const BUNDLE: CommandOptionSpec = { withValue: ['--jobs', '-j', '--retry', '--path', '--without', '--with', '--gemfile', '--binstubs', '--shebang', '--standalone', '--target-rbconfig'] };
const POETRY: CommandOptionSpec = { withValue: ['--only', '--with', '--without', '-E', '--extras', '--directory', '-C', '-P', '--project'] };
const UV: CommandOptionSpec = {
  withValue: [
    '--extra', '--group', '--only-group', '--no-group', '--package', '--python', '-p', '--directory', '--project',
    '--index', '--index-url', '-i', '--extra-index-url', '--default-index', '--find-links', '-f', '--cache-dir',
    '--config-file', '--python-platform', '--resolution', '--prerelease', '--exclude-newer', '--link-mode', '--index-strategy',
  ],
};
const PIPENV: CommandOptionSpec = { withValue: ['--python', '--pypi-mirror', '--categories', '-r', '--requirements'] };
const GO: CommandOptionSpec = { withValue: ['-modfile', '-C'] };

const NPM_CI = ['ci', 'clean-install', 'ic', 'install-clean', 'isntall-clean'];
const NPM_INSTALL = ['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add'];

function shorten(cmd: ShellCommand, words: number): string {
  const text = [cmd.nameWord, ...cmd.args.slice(0, words)].filter((w): w is ShellWord => w !== undefined).map((w) => w.raw.replace(/\\\n\s*/g, '')).join(' ');
  return text.length > 70 ? `${text.slice(0, 67)}…` : text;
}

function spanTo(cmd: ShellCommand, last: ShellWord | undefined): Span {
  return { start: (cmd.nameWord ?? cmd.args[0]!).span.start, end: (last ?? cmd.nameWord!).span.end };
}

function isUrl(v: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^git\+/.test(v);
}

/** A pip operand that is a local project directory (not a package name, URL, archive or wheel). */
function isLocalProject(v: string): boolean {
  if (isUrl(v) || /\.(whl|tar\.gz|tgz|zip|tar\.bz2)$/i.test(v)) return false;
  return v === '.' || v === '..' || v.startsWith('./') || v.startsWith('../') || v.startsWith('/') || v.startsWith('~') || /^\.\[/.test(v);
}

function pipInstall(cmd: ShellCommand): DependencyInstall | undefined {
  const pip = pipCommand(cmd);
  if (!pip) return undefined;
  const parsed = parseArgs(pip);
  const sub = parsed.positionals[0];
  if (sub?.value !== 'install' && sub?.value !== 'wheel') return undefined;
  const files: string[] = [];
  let dynamic = false;
  let needsSource = false;
  let onlyLocalArchives = true;
  for (const o of parsed.options) {
    if (['-r', '--requirement', '-c', '--constraint'].includes(o.name)) {
      if (o.value === undefined) dynamic = true;
      else files.push(o.value);
      if (o.name === '-r' || o.name === '--requirement') onlyLocalArchives = false;
    } else if (o.name === '-e' || o.name === '--editable') {
      if (o.value === undefined) dynamic = true;
      else if (isLocalProject(o.value)) needsSource = true;
      else onlyLocalArchives = false;
    }
  }
  for (const word of parsed.positionals.slice(1)) {
    const v = word.value;
    if (v === undefined) dynamic = true;
    else if (isLocalProject(v)) needsSource = true;
    else if (!/\.(whl|tar\.gz|tgz|zip)$/i.test(v) || isUrl(v)) onlyLocalArchives = false;
  }
  const noIndex = parsed.options.some((o) => o.name === '--no-index');
  return {
    cmd,
    tool: 'pip',
    subcommand: sub.value,
    text: `${shorten(cmd, cmd.args.indexOf(sub) + 1)}${files.length ? ` -r ${files[0]}` : ''}`,
    files,
    dynamic,
    needsSource,
    downloads: !noIndex && !(onlyLocalArchives && !needsSource && files.length === 0 && !dynamic),
    span: spanTo(cmd, sub),
  };
}

function simple(
  cmd: ShellCommand,
  tool: InstallTool,
  spec: CommandOptionSpec,
  subcommands: readonly (string | undefined)[],
  files: string[],
  opts: { needsSource?: (has: (n: string) => boolean) => boolean; offline?: readonly string[]; maxOperands?: number } = {},
): DependencyInstall | undefined {
  const parsed = parseArgs(cmd, spec);
  const sub = parsed.positionals[0];
  if (!subcommands.includes(sub?.value)) return undefined;
  // `npm install express` adds a package; only installs of the declared dependencies count.
  const operands = sub ? parsed.positionals.slice(1) : parsed.positionals;
  if (operands.length > (opts.maxOperands ?? 0)) return undefined;
  const has = (n: string) => parsed.options.some((o) => o.name === n);
  return {
    cmd,
    tool,
    subcommand: sub?.value,
    text: shorten(cmd, sub ? cmd.args.indexOf(sub) + 1 : 0),
    files,
    dynamic: false,
    needsSource: opts.needsSource?.(has) ?? false,
    downloads: !(opts.offline ?? []).some(has),
    span: spanTo(cmd, sub),
  };
}

/** The dependency install a command runs, if it is one. */
export function dependencyInstall(cmd: ShellCommand): DependencyInstall | undefined {
  switch (cmd.name) {
    case 'npm': {
      const parsed = parseArgs(cmd);
      const sub = parsed.positionals[0]?.value;
      if (parsed.options.some((o) => o.name === '-g' || o.name === '--global' || o.name === '--package-lock-only')) return undefined;
      const ci = NPM_CI.includes(sub ?? '');
      return simple(cmd, 'npm', COMMAND_OPTIONS.npm!, ci ? [sub] : NPM_INSTALL, ['package.json', 'package-lock.json'], { offline: ['--offline'] });
    }
    case 'yarn': {
      const parsed = parseArgs(cmd, YARN);
      if (parsed.options.some((o) => o.name === '--global')) return undefined;
      return simple(cmd, 'yarn', YARN, [undefined, 'install'], ['package.json', 'yarn.lock'], { offline: ['--offline'] });
    }
    case 'pnpm': {
      const sub = parseArgs(cmd, PNPM).positionals[0]?.value;
      const files = sub === 'fetch' ? ['pnpm-lock.yaml'] : ['package.json', 'pnpm-lock.yaml'];
      return simple(cmd, 'pnpm', PNPM, ['install', 'i', 'fetch'], files, { offline: ['--offline'] });
    }
    case 'go': {
      const parsed = parseArgs(cmd, GO);
      if (parsed.positionals[0]?.value !== 'mod' || parsed.positionals[1]?.value !== 'download') return undefined;
      if (parsed.positionals.length > 2) return undefined;
      return { cmd, tool: 'go', subcommand: 'mod download', text: shorten(cmd, cmd.args.indexOf(parsed.positionals[1]!) + 1), files: ['go.mod', 'go.sum'], dynamic: false, needsSource: false, downloads: true, span: spanTo(cmd, parsed.positionals[1]) };
    }
    case 'bundle':
    case 'bundler':
      return simple(cmd, 'bundler', BUNDLE, [undefined, 'install'], ['Gemfile', 'Gemfile.lock'], { offline: ['--local'] });
    case 'poetry':
      return simple(cmd, 'poetry', POETRY, ['install'], ['pyproject.toml', 'poetry.lock'], {
        needsSource: (has) => !has('--no-root'),
      });
    case 'pipenv':
      return simple(cmd, 'pipenv', PIPENV, ['install', 'sync'], ['Pipfile', 'Pipfile.lock']);
    case 'uv': {
      if (cmd.args[0]?.value === 'pip') {
        const pip = pipInstall(cmd);
        return pip ? { ...pip, tool: 'uv' } : undefined;
      }
      return simple(cmd, 'uv', UV, ['sync'], ['pyproject.toml', 'uv.lock'], {
        needsSource: (has) => !has('--no-install-project') && !has('--no-install-workspace'),
        offline: ['--offline'],
      });
    }
    default:
      return pipInstall(cmd);
  }
}

/** Every dependency install of a script, in order. */
export function dependencyInstalls(script: ShellScript): DependencyInstall[] {
  const out: DependencyInstall[] = [];
  for (const cmd of script.commands) {
    const install = dependencyInstall(cmd);
    if (install) out.push(install);
  }
  return out;
}
