/**
 * Running the real tools: every external command gets a time limit (its whole process group is
 * killed when it runs over) and its output captured, never thrown on a non-zero exit.
 */
import { spawn, spawnSync } from 'node:child_process';

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Killed (with its children) after this many milliseconds. */
  timeoutMs: number;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as they came. */
  output: string;
  timedOut: boolean;
}

export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let output = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => ((stdout += d), (output += d)));
    child.stderr.setEncoding('utf8').on('data', (d: string) => ((stderr += d), (output += d)));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: stderr + String(error), output: output + String(error), timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, output, timedOut });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** A failure message with the command's exit status and the end of its output. */
export function describeRun(what: string, result: RunResult, tailLines = 40): string {
  const status = result.timedOut ? 'timed out' : `exited ${result.code}`;
  const tail = result.output.trimEnd().split('\n').slice(-tailLines).join('\n');
  return `${what} ${status}:\n${tail}`;
}

/** The absolute path of `name` on PATH (`command -v`), or undefined. */
export function commandPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const result = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', name], { env, encoding: 'utf8', timeout: 5_000 });
  const path = result.stdout.trim();
  return result.status === 0 && path.startsWith('/') ? path : undefined;
}

/** The names in `names` that are not on PATH. */
export function missingCommands(names: readonly string[]): string[] {
  return names.filter((n) => commandPath(n) === undefined);
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}
