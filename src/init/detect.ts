/**
 * What `slipway init` learns from a repository: dependency files, the Python version, the entry
 * point, the framework, the port, the test and lint tools. Each finding records where it came
 * from, so init can say what it based the descriptor on.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bracketLists } from '../util/linear-match.js';
import { slipwayName } from './node-go-detect.js';
import {
  applicationObject,
  importedFramework,
  iniSection,
  minorVersion,
  requirementNames,
  statedPort,
  toxPythonVersions,
  type Framework,
} from './python-sources.js';

export interface Entry {
  /** How Python starts it: a script (`app.py`) or a module run with `-m` (`mypkg`). */
  kind: 'script' | 'module';
  /** `app.py`, or the package name for `python -m`. */
  target: string;
  /** Import name of the module holding the application (`app` for app.py). */
  module: string;
  /** Source of the entry file. */
  source: string;
  file: string;
}

export interface Detection {
  name: string;
  requirements?: string;
  devRequirements?: string;
  pyproject?: string;
  /** Build metadata (pyproject [build-system] or setup.py): sdist/wheel can be built. */
  buildable: boolean;
  pythonVersion?: { version: string; from: string };
  toxVersions: string[];
  entry?: Entry;
  framework?: { name: Framework; from: string };
  /** `module:object` of a Flask/FastAPI application. */
  appTarget?: string;
  port?: { port: number; from: string };
  testFramework?: { name: 'pytest' | 'unittest'; from: string };
  /** A tests directory (`tests/` or `test/`), if any. */
  testDir?: string;
  lintTool?: { name: 'flake8' | 'ruff'; from: string };
  /** Package names across the requirements files. */
  packages: Set<string>;
}

const DEV_REQUIREMENTS = [
  'requirements-dev.txt',
  'requirements_dev.txt',
  'dev-requirements.txt',
  'requirements-test.txt',
  'requirements_test.txt',
  'test-requirements.txt',
  'requirements/dev.txt',
  'requirements/test.txt',
];
const REQUIREMENTS = ['requirements.txt', 'requirements/base.txt', 'requirements/prod.txt', 'requirements/production.txt'];
const ENTRY_SCRIPTS = ['app.py', 'main.py', 'server.py', 'wsgi.py', 'asgi.py', 'run.py', 'application.py'];

export function detectProject(dir: string): Detection {
  const read = (rel: string): string | undefined => {
    const path = join(dir, rel);
    try {
      return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  };
  const first = (candidates: string[]) => candidates.find((c) => read(c) !== undefined);

  const requirements = first(REQUIREMENTS);
  const devRequirements = first(DEV_REQUIREMENTS);
  const pyprojectText = read('pyproject.toml');
  const setupPy = read('setup.py') !== undefined;
  const packages = new Set([requirements, devRequirements].flatMap((f) => (f ? requirementNames(read(f)!) : [])));
  const pyprojectDeps = pyprojectText ? pyprojectDependencies(pyprojectText) : [];
  for (const p of pyprojectDeps) packages.add(p);

  const detection: Detection = {
    name: projectName(pyprojectText, dir),
    buildable: setupPy || (pyprojectText !== undefined && /^\[build-system\]/m.test(pyprojectText)),
    toxVersions: toxPythonVersions(read('tox.ini') ?? ''),
    packages,
  };
  if (requirements) detection.requirements = requirements;
  if (devRequirements) detection.devRequirements = devRequirements;
  if (pyprojectText !== undefined) detection.pyproject = 'pyproject.toml';

  for (const file of ['.python-version', 'runtime.txt']) {
    const version = minorVersion(read(file) ?? '');
    if (version) {
      detection.pythonVersion = { version, from: file };
      break;
    }
  }

  const entry = findEntry(dir, read);
  if (entry) detection.entry = entry;

  const imported = entry && importedFramework(entry.source);
  if (imported) detection.framework = { name: imported, from: entry.file };
  else {
    const listed = (['fastapi', 'flask', 'tornado'] as const).find((f) => packages.has(f));
    if (listed) detection.framework = { name: listed, from: requirements ?? 'pyproject.toml' };
  }
  const framework = detection.framework?.name;
  if (entry && (framework === 'flask' || framework === 'fastapi')) {
    const object = applicationObject(entry.source, framework);
    if (object) detection.appTarget = `${entry.module}:${object}`;
  }

  for (const [file, text] of [
    [entry?.file, entry?.source],
    ['Procfile', read('Procfile')],
  ] as const) {
    const port = text ? statedPort(text) : undefined;
    if (file && port) {
      detection.port = { port, from: file };
      break;
    }
  }

  const testDir = ['tests', 'test'].find((d) => isDirectory(join(dir, d)));
  if (testDir) detection.testDir = testDir;
  const testFramework = detectTestFramework(dir, read, packages, testDir);
  if (testFramework) detection.testFramework = testFramework;
  const lint = detectLintTool(read, packages);
  if (lint) detection.lintTool = lint;
  return detection;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A name valid for slipway (`^[a-z][a-z0-9-]*$`): pyproject's project name, else the directory's. */
function projectName(pyproject: string | undefined, dir: string): string {
  const declared = pyproject && /^name\s*=\s*["']([^"']+)["']/m.exec(iniSection(pyproject, 'project') ?? '')?.[1];
  return slipwayName([declared || undefined], dir);
}

/** Names in pyproject's `[project] dependencies` and `[project.optional-dependencies]` lists. */
function pyprojectDependencies(text: string): string[] {
  const lists = [
    bracketLists(/^dependencies\s*=\s*\[/gm, iniSection(text, 'project') ?? '')[0] ?? '',
    ...bracketLists(/=\s*\[/g, iniSection(text, 'project.optional-dependencies') ?? ''),
  ];
  return lists.flatMap((list) => [...list.matchAll(/["']([A-Za-z0-9][A-Za-z0-9._-]*)/g)].map((m) => m[1]!.toLowerCase().replace(/_/g, '-')));
}

function findEntry(dir: string, read: (rel: string) => string | undefined): Entry | undefined {
  for (const file of ENTRY_SCRIPTS) {
    const source = read(file);
    if (source !== undefined) return { kind: 'script', target: file, module: file.replace(/\.py$/, ''), source, file };
  }
  // A package run with `python -m`: <pkg>/__main__.py, or src/<pkg>/__main__.py.
  for (const base of ['', 'src/']) {
    const root = join(dir, base);
    if (!existsSync(root)) continue;
    const packages = readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && /^[A-Za-z_][A-Za-z0-9_]*$/.test(d.name))
      .map((d) => d.name)
      .sort();
    for (const pkg of packages) {
      const file = `${base}${pkg}/__main__.py`;
      const source = read(file);
      if (source !== undefined) {
        // The application object usually lives next to __main__ (app.py/main.py) or in __init__.
        const appModule = ['app', 'main', '__init__'].find((m) => read(`${base}${pkg}/${m}.py`) !== undefined);
        const appSource = appModule ? read(`${base}${pkg}/${appModule}.py`)! : '';
        const module = appModule && appModule !== '__init__' ? `${pkg}.${appModule}` : pkg;
        return { kind: 'module', target: pkg, module, source: `${source}\n${appSource}`, file };
      }
    }
  }
  return undefined;
}

function detectTestFramework(
  dir: string,
  read: (rel: string) => string | undefined,
  packages: Set<string>,
  testDir: string | undefined,
): Detection['testFramework'] {
  if (packages.has('pytest')) return { name: 'pytest', from: 'requirements' };
  for (const [file, marker] of [
    ['pytest.ini', /\[pytest\]/],
    ['conftest.py', /./s],
    ['pyproject.toml', /^\[tool\.pytest/m],
    ['setup.cfg', /^\[tool:pytest\]/m],
    ['tox.ini', /^\[pytest\]/m],
  ] as const) {
    const text = read(file);
    if (text !== undefined && marker.test(text)) return { name: 'pytest', from: file };
  }
  const testFiles = [
    ...listPython(dir).filter((f) => /^test_.*\.py$|_test\.py$/.test(f)),
    ...(testDir ? listPython(join(dir, testDir)).map((f) => `${testDir}/${f}`) : []),
  ];
  for (const file of testFiles) {
    const source = read(file) ?? '';
    if (/^[^\S\n\r\u2028\u2029]*import pytest|^[^\S\n\r\u2028\u2029]*from pytest\b/m.test(source)) return { name: 'pytest', from: file };
  }
  const unittestFile = testFiles.find((f) => /^[^\S\n\r\u2028\u2029]*(import unittest|from unittest\b|from tornado\.testing\b)/m.test(read(f) ?? ''));
  return unittestFile ? { name: 'unittest', from: unittestFile } : undefined;
}

function listPython(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.py'))
      .sort();
  } catch {
    return [];
  }
}

function detectLintTool(read: (rel: string) => string | undefined, packages: Set<string>): Detection['lintTool'] {
  if (packages.has('ruff')) return { name: 'ruff', from: 'requirements' };
  if (packages.has('flake8')) return { name: 'flake8', from: 'requirements' };
  if (read('ruff.toml') !== undefined || read('.ruff.toml') !== undefined || /^\[tool\.ruff/m.test(read('pyproject.toml') ?? '')) {
    return { name: 'ruff', from: 'ruff configuration' };
  }
  for (const [file, marker] of [
    ['.flake8', /\[flake8\]/],
    ['setup.cfg', /^\[flake8\]/m],
    ['tox.ini', /^\[flake8\]/m],
  ] as const) {
    if (marker.test(read(file) ?? '')) return { name: 'flake8', from: file };
  }
  return undefined;
}
