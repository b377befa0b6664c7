/** The per-stage build state (ARG/ENV, SHELL, USER, WORKDIR) as an immutable value. */
import { programName } from '../shell/words.js';
import type { ShellInstruction, StageState, UserInstruction, Variable, WorkdirInstruction } from './model.js';
import { VersionedMap } from './versioned-map.js';

export const LINUX_SHELL: readonly string[] = ['/bin/sh', '-c'];
export const WINDOWS_SHELL: readonly string[] = ['cmd', '/S', '/C'];

/** BuildKit's automatic platform ARGs: usable in FROM without a declaration, values known only at build. */
export const PREDEFINED_GLOBAL_ARGS: readonly string[] = [
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT',
];

const NON_POSIX = new Set(['pwsh', 'powershell', 'cmd']);

/** True unless the program is PowerShell or cmd (`C:\\Windows\\System32\\cmd.exe` included). */
export function isPosixShell(program: string | undefined): boolean {
  if (program === undefined) return true;
  const base = programName(program.replace(/\\/g, '/')).toLowerCase().replace(/\.exe$/, '');
  return !NON_POSIX.has(base);
}

interface StateFields {
  args: VersionedMap<Variable>;
  env: VersionedMap<Variable>;
  shell: readonly string[];
  shellInstruction: ShellInstruction | undefined;
  user: string | undefined;
  userInstruction: UserInstruction | undefined;
  workdir: string | undefined;
  workdirInstruction: WorkdirInstruction | undefined;
}

export class BuildState implements StageState {
  readonly args: VersionedMap<Variable>;
  readonly env: VersionedMap<Variable>;
  readonly shell: readonly string[];
  readonly shellInstruction: ShellInstruction | undefined;
  readonly posixShell: boolean;
  readonly user: string | undefined;
  readonly userInstruction: UserInstruction | undefined;
  readonly workdir: string | undefined;
  readonly workdirInstruction: WorkdirInstruction | undefined;

  private constructor(f: StateFields) {
    this.args = f.args;
    this.env = f.env;
    this.shell = f.shell;
    this.shellInstruction = f.shellInstruction;
    this.posixShell = isPosixShell(f.shell[0]);
    this.user = f.user;
    this.userInstruction = f.userInstruction;
    this.workdir = f.workdir;
    this.workdirInstruction = f.workdirInstruction;
  }

  /** The state at the start of a stage built on an image (nothing known but the platform's shell). */
  static initial(platform: 'linux' | 'windows'): BuildState {
    return new BuildState({
      args: VersionedMap.empty(),
      env: VersionedMap.empty(),
      shell: platform === 'windows' ? WINDOWS_SHELL : LINUX_SHELL,
      shellInstruction: undefined,
      user: undefined,
      userInstruction: undefined,
      workdir: undefined,
      workdirInstruction: undefined,
    });
  }

  /** The state at the start of a stage built on an earlier stage: all but the ARGs carry over. */
  static inherit(from: BuildState): BuildState {
    return new BuildState({ ...fieldsOf(from), args: VersionedMap.empty() });
  }

  variable(name: string): string | undefined {
    const env = this.env.get(name);
    if (env) return env.value;
    return this.args.get(name)?.value;
  }

  with(changes: Partial<StateFields>): BuildState {
    return new BuildState({ ...fieldsOf(this), ...changes });
  }

  withArg(v: Variable): BuildState {
    return this.with({ args: this.args.with([[v.name, v]]) });
  }

  withEnv(vars: readonly Variable[]): BuildState {
    return this.with({ env: this.env.with(vars.map((v) => [v.name, v] as const)) });
  }
}

function fieldsOf(s: BuildState): StateFields {
  return {
    args: s.args,
    env: s.env,
    shell: s.shell,
    shellInstruction: s.shellInstruction,
    user: s.user,
    userInstruction: s.userInstruction,
    workdir: s.workdir,
    workdirInstruction: s.workdirInstruction,
  };
}

/** The absolute working directory after `WORKDIR path` from `current` (undefined when unknown). */
export function resolveWorkdir(current: string | undefined, path: string): string | undefined {
  if (/^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\')) return path; // Windows
  if (path.startsWith('/')) return normalizePath(path);
  return current === undefined ? undefined : normalizePath(`${current}/${path}`);
}

function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return '/' + parts.join('/');
}

/** Heuristic: the image is a Windows one (its default shell is cmd). */
export function isWindowsImage(reference: string): boolean {
  return /windowsservercore|nanoserver|(^|\/)windows\/|mcr\.microsoft\.com\/windows|(^|[:-])ltsc20\d\d/i.test(reference);
}
