/**
 * From what was detected to the descriptor init proposes: the preset, the start command, the
 * versions, the test and lint commands. Never proposes an end-of-life Python.
 */
import { pythonVersionStatus, supportedPythonVersions, DEFAULT_PYTHON_VERSION, compareVersions } from '../descriptor/python-versions.js';
import type { Detection } from './detect.js';
import type { Language, NodePackageManager } from '../descriptor/model.js';
import type { Framework } from './python-sources.js';

export const FRAMEWORK_PRESETS: Record<Framework, string> = {
  tornado: 'python-tornado',
  flask: 'python-flask',
  fastapi: 'python-fastapi',
};

/** The port each preset's server listens on when the code does not say. */
const PRESET_PORTS: Record<string, number> = { 'python-tornado': 8888, 'python-flask': 8000, 'python-fastapi': 8000 };

export interface Proposal {
  language: Language;
  name: string;
  preset?: string;
  version: string;
  matrix: string[];
  command: string[];
  port?: number;
  /** Path of the HTTP health check, or false when the app serves no obvious one. */
  healthPath?: string | false;
  requirements?: string;
  devRequirements?: string;
  pyproject?: string;
  testCommand: string[];
  lint?: string[];
  /** Node.js: the package manager and the package.json script that builds the application. */
  packageManager?: NodePackageManager;
  buildScript?: string;
  /** Node.js: install the image's dependencies without lifecycle scripts (a `prepare` that builds). */
  ignoreScripts?: boolean;
  /** Go: the directory of the main package, when not the module root. */
  goMain?: string;
  /** What the proposal is based on, and what the user should check; printed by init. */
  notes: string[];
}

export function propose(d: Detection, preset: string | undefined, today: Date): Proposal {
  const notes: string[] = [];
  const version = chooseVersion(d, today, notes);
  const port = preset ? (d.port?.port ?? PRESET_PORTS[preset]) : d.port?.port;
  const proposal: Proposal = {
    language: 'python',
    name: d.name,
    version,
    matrix: chooseMatrix(d, version, today, notes),
    command: startCommand(d, preset, port, notes),
    testCommand: testCommand(d, notes),
    notes,
  };
  if (preset) proposal.preset = preset;
  if (port !== undefined) {
    proposal.port = port;
    proposal.healthPath = healthPath(d.entry?.source ?? '');
    if (proposal.healthPath === false) notes.push('no health endpoint found in the code: the health check is off (set app.healthcheck.path once there is one)');
  }
  if (d.requirements) proposal.requirements = d.requirements;
  if (d.devRequirements) proposal.devRequirements = d.devRequirements;
  if (d.pyproject && d.buildable) proposal.pyproject = d.pyproject;
  if (d.lintTool) proposal.lint = d.lintTool.name === 'ruff' ? ['python', '-m', 'ruff', 'check', '.'] : ['python', '-m', 'flake8'];
  for (const [server, needed] of [
    ['gunicorn', preset === 'python-flask'],
    ['uvicorn', preset === 'python-fastapi'],
  ] as const) {
    if (needed && !d.packages.has(server) && proposal.command[0] === server) {
      notes.push(`${server} is not in ${d.requirements ?? 'a requirements file'}; the image needs it to start the app`);
    }
  }
  return proposal;
}

function chooseVersion(d: Detection, today: Date, notes: string[]): string {
  const asked = d.pythonVersion;
  if (!asked) return DEFAULT_PYTHON_VERSION;
  const status = pythonVersionStatus(asked.version, today);
  if (status.status === 'supported') return asked.version;
  const why =
    status.status === 'end-of-life'
      ? `reached its end of life on ${status.release.endOfLife}`
      : status.status === 'unreleased'
        ? 'is not released yet'
        : 'is not a version slipway knows';
  notes.push(`${asked.from} asks for Python ${asked.version}, which ${why}; proposing ${DEFAULT_PYTHON_VERSION} instead`);
  return DEFAULT_PYTHON_VERSION;
}

function chooseMatrix(d: Detection, version: string, today: Date, notes: string[]): string[] {
  const supported = new Set(supportedPythonVersions(today));
  const dropped = d.toxVersions.filter((v) => !supported.has(v));
  if (dropped.length) notes.push(`tox.ini tests Python ${dropped.join(', ')}, no longer supported; left out of the test matrix`);
  return [...new Set([version, ...d.toxVersions.filter((v) => supported.has(v))])].sort(compareVersions);
}

function startCommand(d: Detection, preset: string | undefined, port: number | undefined, notes: string[]): string[] {
  const entry = d.entry;
  const module = entry?.module ?? (preset === 'python-fastapi' ? 'main' : 'app');
  const target = d.appTarget ?? `${module}:app`;
  if (preset === 'python-flask') {
    if (!d.appTarget) notes.push(`no Flask application object found; assuming ${target}`);
    return ['gunicorn', '--bind', `0.0.0.0:${port}`, '--workers', '2', '--access-logfile', '-', target];
  }
  if (preset === 'python-fastapi') {
    if (!d.appTarget) notes.push(`no FastAPI application object found; assuming ${target}`);
    return ['uvicorn', target, '--host', '0.0.0.0', '--port', String(port)];
  }
  if (!entry) {
    notes.push('no entry script found (app.py, main.py, …, or a package with __main__.py); set app.command');
    return ['python', 'app.py'];
  }
  return entry.kind === 'module' ? ['python', '-m', entry.target] : ['python', entry.target];
}

function testCommand(d: Detection, notes: string[]): string[] {
  if (d.testFramework?.name === 'unittest') {
    return d.testDir ? ['python', '-m', 'unittest', 'discover', '-s', d.testDir, '-t', '.'] : ['python', '-m', 'unittest', 'discover'];
  }
  if (!d.testFramework) notes.push('no tests found; proposing pytest');
  else if (!d.packages.has('pytest')) notes.push(`pytest is not in ${d.devRequirements ?? d.requirements ?? 'a requirements file'}; add it so CI can run the tests`);
  return ['python', '-m', 'pytest'];
}

/** The health endpoint the code declares (`"/health"`, `"/healthz"`), else `/` if routed, else false. */
export function healthPath(source: string): string | false {
  for (const path of ['/health', '/healthz', '/healthcheck', '/ping', '/status']) {
    if (new RegExp(`["']${path}/?["']`).test(source)) return path;
  }
  return /["']\/["']/.test(source) ? '/' : false;
}
