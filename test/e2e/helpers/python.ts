/**
 * The host Python the generated Makefile, tox.ini and CI jobs run with, offline: the system
 * interpreter whose packages (Debian's python3-*) satisfy the examples' requirement files, reached
 * through a throw-away virtual environment so that nothing a job installs lands outside a temp dir.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { devNull } from 'node:os';
import { REPO_ROOT } from './project.js';
import { run } from './run.js';

/** What the examples' requirement files name (and tox, which runs tox.ini), as import names. */
export const EXAMPLE_MODULES = ['pip', 'pytest', 'flake8', 'tornado', 'flask', 'gunicorn', 'fastapi', 'uvicorn', 'httpx'] as const;

/** The first `python3` on PATH that can import every one of `modules`, or undefined. */
export function findSystemPython(modules: readonly string[]): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((d) => d.startsWith('/'));
  const check = `import importlib.util, sys; sys.exit(any(importlib.util.find_spec(m) is None for m in sys.argv[1:]))`;
  for (const dir of dirs) {
    const python = join(dir, 'python3');
    if (!existsSync(python)) continue;
    const result = spawnSync(python, ['-c', check, ...modules], { encoding: 'utf8', timeout: 10_000, env: cleanPythonEnv(process.env) });
    if (result.status === 0) return python;
  }
  return undefined;
}

/** `major.minor` of `python`. */
export function pythonVersion(python: string): string {
  const result = spawnSync(python, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8', timeout: 10_000 });
  return result.stdout.trim();
}

/**
 * A virtual environment of `python` that sees its system packages (`--system-site-packages`) and
 * has no pip of its own (the system's pip runs in it), so `pip install` of a satisfied requirement
 * changes nothing and anything else would land in `dir`. Returns its bin directory.
 */
export async function createVenv(python: string, dir: string): Promise<string> {
  const result = await run(python, ['-m', 'venv', '--system-site-packages', '--without-pip', dir], { timeoutMs: 60_000 });
  if (result.code !== 0) throw new Error(`python -m venv failed: ${result.output}`);
  return join(dir, 'bin');
}

/** process.env without the settings that would make pip, tox or Python behave differently here. */
function cleanPythonEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^(PIP_|TOX_|PYTHON|VIRTUAL_ENV$|CONDA_|PYENV_VERSION$)/.test(key)) continue;
    clean[key] = value;
  }
  return clean;
}

/**
 * Writes repaired metadata-only copies of the system Python's self-contradicting distributions into
 * `dir` (scripts/e2e/consistent-metadata.py says why); `dir` goes first on PYTHONPATH.
 */
export async function writeConsistentMetadata(python: string, dir: string): Promise<void> {
  const script = join(REPO_ROOT, 'scripts', 'e2e', 'consistent-metadata.py');
  const result = await run(python, [script, dir], { env: cleanPythonEnv(process.env), timeoutMs: 60_000 });
  if (result.code !== 0) throw new Error(`consistent-metadata.py failed: ${result.output}`);
}

/**
 * The environment the host tools run in: the venv first on PATH (so `python`, `python3` and
 * `python3.X` are the system interpreter), HOME in a temp dir, pip offline and on its own:
 * - PIP_CONFIG_FILE=/dev/null: no pip configuration of the machine or user applies;
 * - PIP_NO_INDEX: there is no package index; every requirement must already be satisfied;
 * - PYTHONPATH: the repaired metadata of writeConsistentMetadata, so pip's resolver accepts the
 *   system's packages;
 * - TOX_TESTENV_PASSENV hands these to tox 3's environments (it passes few variables, and drops
 *   PYTHONPATH unless told).
 */
export function hostToolEnv(venvBin: string, home: string, metadataDir: string): NodeJS.ProcessEnv {
  const pip = { PIP_CONFIG_FILE: devNull, PIP_NO_INDEX: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1', PYTHONPATH: metadataDir };
  return {
    ...cleanPythonEnv(process.env),
    ...pip,
    TOX_TESTENV_PASSENV: Object.keys(pip).join(' '),
    PYTHONDONTWRITEBYTECODE: '1',
    VIRTUALENV_NO_PERIODIC_UPDATE: '1',
    PATH: [venvBin, process.env.PATH ?? ''].join(delimiter),
    HOME: home,
    NO_COLOR: '1',
  };
}

/**
 * Everything the host tools need, under `dir`: a venv of `python`, a HOME, the repaired metadata,
 * and the environment that uses them.
 */
export async function prepareHostPython(python: string, dir: string): Promise<NodeJS.ProcessEnv> {
  const venvBin = await createVenv(python, join(dir, 'venv'));
  mkdirSync(join(dir, 'home'), { recursive: true });
  await writeConsistentMetadata(python, join(dir, 'metadata'));
  return hostToolEnv(venvBin, join(dir, 'home'), join(dir, 'metadata'));
}
