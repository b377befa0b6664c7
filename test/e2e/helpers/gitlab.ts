/**
 * gitlab-ci-local (the npm package) run with a Node 22 binary (the `node` npm package pinned to
 * 22: gitlab-ci-local crashes on load under Node 20), in throw-away git repositories.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { devNull } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { missingCommands, run, type RunResult } from './run.js';

const require = createRequire(import.meta.url);

export interface GitlabCiLocal {
  node: string;
  script: string;
}

/** gitlab-ci-local and a Node >= 22 to run it, or the reason they cannot be used. */
export function findGitlabCiLocal(): GitlabCiLocal | string {
  const node = packageFile('node', 'bin/node');
  if (!node) return 'the node@22 dev dependency is not installed (npm ci)';
  const version = spawnSync(node, ['--version'], { encoding: 'utf8', timeout: 10_000 }).stdout.trim();
  if (!/^v(2[2-9]|[3-9]\d)\./.test(version)) return `gitlab-ci-local needs Node >= 22; the node package provides ${version || 'nothing runnable'}`;
  const manifest = packageFile('gitlab-ci-local', 'package.json');
  if (!manifest) return 'the gitlab-ci-local dev dependency is not installed (npm ci)';
  const bin = (JSON.parse(readFileSync(manifest, 'utf8')) as { bin?: string | Record<string, string> }).bin;
  const script = join(dirname(manifest), typeof bin === 'string' ? bin : (bin?.['gitlab-ci-local'] ?? 'dist/index.js'));
  const missing = missingCommands(['git', 'rsync', 'make']);
  if (missing.length) return `gitlab-ci-local's shell executor needs ${missing.join(', ')} on PATH`;
  return { node, script };
}

function packageFile(pkg: string, file: string): string | undefined {
  try {
    const path = join(dirname(require.resolve(`${pkg}/package.json`)), file);
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export function gitlabCiLocal(gcl: GitlabCiLocal, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<RunResult> {
  return run(gcl.node, [gcl.script, '--color=false', ...args], options);
}

/** git with no user or system configuration, and a fixed identity. */
export function gitEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_GLOBAL: devNull,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'slipway e2e',
    GIT_AUTHOR_EMAIL: 'e2e@example.com',
    GIT_COMMITTER_NAME: 'slipway e2e',
    GIT_COMMITTER_EMAIL: 'e2e@example.com',
  };
}

/**
 * Makes `dir` a git repository on branch `main` with everything committed and an `origin` whose
 * default branch is main (gitlab-ci-local derives the CI_* variables from them; nothing is fetched).
 */
export async function commitAll(dir: string): Promise<void> {
  const steps = [
    ['init', '--quiet'],
    ['symbolic-ref', 'HEAD', 'refs/heads/main'],
    ['add', '--all'],
    ['commit', '--quiet', '--no-gpg-sign', '--message', 'e2e'],
    ['remote', 'add', 'origin', 'git@gitlab.example.com:e2e/project.git'],
    ['update-ref', 'refs/remotes/origin/main', 'HEAD'],
    ['symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main'],
  ];
  for (const args of steps) {
    const result = await run('git', args, { cwd: dir, env: gitEnv(), timeoutMs: 30_000 });
    if (result.code !== 0) throw new Error(`git ${args.join(' ')}: ${result.output}`);
  }
}

/** GitLab's global keywords: every other top-level key not starting with `.` is a job. */
const GLOBAL_KEYWORDS = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'spec']);

/** The names of the jobs a .gitlab-ci.yml defines. */
export function jobNames(ciYaml: string): string[] {
  const doc = parse(ciYaml) as Record<string, unknown>;
  return Object.keys(doc)
    .filter((k) => !k.startsWith('.') && !GLOBAL_KEYWORDS.has(k))
    .sort();
}

/** A job name as gitlab-ci-local lists it, without the `: [matrix values]` of parallel:matrix jobs. */
export function baseJobName(listed: string): string {
  return listed.replace(/: \[.*\]$/, '');
}

/** The lines of a gitlab-ci-local log that job `job` printed (`job > text`), without the prefix. */
export function jobLog(output: string, job: string): string[] {
  const prefix = new RegExp(`^${job.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+> ?`);
  return output
    .split('\n')
    .filter((line) => prefix.test(line))
    .map((line) => line.replace(prefix, ''));
}
