/**
 * The machine's own toolchains, for running an example's CI jobs on the host (gitlab-ci-local's
 * shell executor): the system Python with Debian's packages (helpers/python.ts), the Node.js and
 * npm on PATH, the Go on PATH (Debian's golang-go), each with an environment that keeps the jobs
 * off this repository's dev tools and, for Go, off the network.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { EXAMPLE_MODULES, findSystemPython, prepareHostPython } from './python.js';
import { commandPath, missingCommands } from './run.js';

/** Why the jobs of a `language` example cannot run on this machine, or undefined when they can. */
export function hostJobsUnavailable(language: string): string | undefined {
  if (language === 'python') {
    return findSystemPython(EXAMPLE_MODULES) ? undefined : `no python3 on PATH can import ${EXAMPLE_MODULES.join(', ')} (Debian: the python3-* packages .ci/run installs)`;
  }
  if (language === 'node') {
    const env = withoutRepoBins(process.env);
    const missing = ['node', 'npm'].filter((c) => commandPath(c, env) === undefined);
    return missing.length ? `${missing.join(' and ')} not on PATH (outside node_modules/.bin)` : undefined;
  }
  if (language === 'go') return missingCommands(['go']).length ? 'go is not on PATH (Debian: golang-go, which .ci/run installs)' : undefined;
  return `no host toolchain for language ${language}`;
}

/** The environment the jobs of a `language` example run in, with its scratch files under `dir`. */
export async function hostJobEnv(language: string, dir: string): Promise<NodeJS.ProcessEnv> {
  mkdirSync(dir, { recursive: true });
  if (language === 'python') return prepareHostPython(findSystemPython(EXAMPLE_MODULES)!, dir);
  const env = { ...withoutRepoBins(process.env), NO_COLOR: '1' };
  if (language === 'node') return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  // No module download and no toolchain download: the example is stdlib-only, the toolchain is the machine's.
  // -count=1: the tests run every time, never a result cached by an earlier run in the shared cache.
  if (language === 'go') return { ...env, GOTOOLCHAIN: 'local', GOPROXY: 'off', GOCACHE: goBuildCache(), GOFLAGS: '-count=1' };
  throw new Error(`no host toolchain for language ${language}`);
}

/**
 * The Go build cache of the e2e suites: $SLIPWAY_E2E_GOCACHE, else one in the temp dir kept across
 * suites and runs, so that the race-instrumented standard library `go test -race` needs (half a minute
 * to compile on a small machine) is compiled once, not once per suite. Go's cache is safe to share
 * between concurrent builds and trims what it has not used for days.
 */
export function goBuildCache(): string {
  return process.env.SLIPWAY_E2E_GOCACHE ?? join(tmpdir(), 'slipway-e2e-go-build');
}

/**
 * process.env without what `npm test` adds: the node_modules/.bin directories on PATH (this
 * repository's holds the Node 22 gitlab-ci-local runs on) and the npm_* variables of its scripts, so
 * that a job's `node`, `npm` and configuration are the machine's.
 */
function withoutRepoBins(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) if (!key.startsWith('npm_')) clean[key] = value;
  clean.PATH = (env.PATH ?? '')
    .split(delimiter)
    .filter((d) => d !== '' && !/[/\\]node_modules[/\\]\.bin[/\\]?$/.test(d) && !/[/\\]node-gyp-bin[/\\]?$/.test(d))
    .join(delimiter);
  return clean;
}

/**
 * Go toolchains since 1.21 refuse a module whose `go` line is newer than they are (with GOTOOLCHAIN=local:
 * they would download a newer toolchain otherwise); older ones take it as advisory. When the machine's
 * Go is such a toolchain and older than the example's `go` line, the test's copy of go.mod gets the
 * toolchain's version instead (the example needs nothing newer: it is stdlib-only and its tests run on Go
 * 1.19). Returns the version written, or undefined when go.mod was left alone.
 */
export function fitGoDirective(dir: string, env: NodeJS.ProcessEnv): string | undefined {
  const version = spawnSync('go', ['env', 'GOVERSION'], { env, encoding: 'utf8', timeout: 30_000 }).stdout.trim();
  const toolchain = /^go(\d+)\.(\d+)/.exec(version);
  const goMod = join(dir, 'go.mod');
  const text = readFileSync(goMod, 'utf8');
  const directive = /^go (\d+)\.(\d+)(?:\.\d+)?\s*$/m.exec(text);
  if (!toolchain || !directive) return undefined;
  const [tMajor, tMinor] = [Number(toolchain[1]), Number(toolchain[2])];
  const [dMajor, dMinor] = [Number(directive[1]), Number(directive[2])];
  const older = tMajor < dMajor || (tMajor === dMajor && tMinor < dMinor);
  if (!older || (tMajor === 1 && tMinor < 21)) return undefined;
  const fitted = `${tMajor}.${tMinor}`;
  writeFileSync(goMod, text.replace(directive[0], `go ${fitted}`).replace(/^toolchain .*\n/m, ''));
  return fitted;
}
