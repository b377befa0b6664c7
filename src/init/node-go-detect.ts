/**
 * What `slipway init` learns from a Node.js repository (package.json, the lockfile, `engines`,
 * `.nvmrc`, the start script, the port in the code) and from a Go module (go.mod's `go`
 * directive, where the `main` package is, the port). Regexes and JSON, not parsers: init only
 * proposes, and says what each finding comes from.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { NodePackageManager } from '../descriptor/model.js';
import { statedPort } from './python-sources.js';

export interface Found<T> {
  value: T;
  from: string;
}

export interface NodeDetection {
  language: 'node';
  name: string;
  packageManager: Found<NodePackageManager>;
  /** A Node.js major from .nvmrc / .node-version, or the range of package.json's engines.node. */
  version?: Found<string>;
  engines?: Found<string>;
  command?: Found<string[]>;
  /** Source of the entry file, to find the port and the health endpoint in. */
  entrySource: string;
  port?: Found<number>;
  /** package.json scripts by name. */
  scripts: Record<string, string>;
  /** Names of the dependencies and development dependencies. */
  dependencies: Set<string>;
  devDependencies: Set<string>;
  framework?: Found<'express' | 'fastify' | 'koa' | 'http' | 'vite'>;
  /** The program package.json's `bin` installs (the one named like the package when there are several). */
  bin?: Found<string>;
}

export interface GoDetection {
  language: 'go';
  name: string;
  /** go.mod's `go` directive ("1.22"), and its `toolchain` one when newer. */
  goDirective?: Found<string>;
  toolchain?: Found<string>;
  /** Directory of the main package (`.` or `cmd/server`). */
  main?: Found<string>;
  entrySource: string;
  port?: Found<number>;
  /** The module serves HTTP (net/http or a router on top of it). */
  http: boolean;
}

type Reader = (rel: string) => string | undefined;

function reader(dir: string): Reader {
  return (rel) => {
    try {
      const path = join(dir, rel);
      return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  };
}

function listDir(dir: string): { name: string; dir: boolean }[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .map((d) => ({ name: d.name, dir: d.isDirectory() }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

/** A name valid for slipway (`^[a-z][a-z0-9-]*$`) from the candidates, else from the directory. */
export function slipwayName(candidates: (string | undefined)[], dir: string): string {
  for (const candidate of [...candidates, basename(dir)]) {
    const name = (candidate || '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^[^a-z]+/, '')
      .replace(/(?<!-)-+$/, '')
      .slice(0, 63)
      .replace(/(?<!-)-+$/, '');
    if (name) return name;
  }
  return 'app';
}

/** The language of the repository: Go with a go.mod, Python with its files, Node.js with a package.json; Python otherwise. */
export function detectLanguage(dir: string): 'python' | 'node' | 'go' {
  const read = reader(dir);
  if (read('go.mod') !== undefined) return 'go';
  const python = ['requirements.txt', 'pyproject.toml', 'setup.py', 'Pipfile', 'setup.cfg'].some((f) => read(f) !== undefined);
  const pythonSources = listDir(dir).some((e) => !e.dir && e.name.endsWith('.py'));
  if (python || pythonSources) return 'python';
  return read('package.json') !== undefined ? 'node' : 'python';
}

const LOCKFILES: [string, NodePackageManager][] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

/** The Node.js major a version file names: `22`, `v22.11.0`, `lts/jod`; undefined for `lts/*`, `node`, ranges. */
export function nodeMajor(text: string, ltsNames: Readonly<Record<string, string>>): string | undefined {
  const line = (text.trim().split(/\r?\n/)[0] ?? '').trim().toLowerCase();
  const numeric = /^v?(\d+)(?:\.\d+){0,2}$/.exec(line);
  if (numeric) return numeric[1];
  const lts = /^lts\/([a-z]+)$/.exec(line);
  return lts ? ltsNames[lts[1]!] : undefined;
}

/** The command a package.json start script runs, when it is a plain `node …` line (no shell syntax). */
export function plainNodeCommand(script: string | undefined): string[] | undefined {
  if (!script || /[|&;<>()$`'"\\*?]/.test(script)) return undefined;
  const words = script.trim().split(/\s+/);
  return words[0] === 'node' && words.length > 1 ? words : undefined;
}

/** A port a Node.js or Go source states plainly (a listen call, a PORT default, an address literal). */
export function sourcePort(source: string): number | undefined {
  const patterns = [
    /process\.env\.PORT\)?\s*(?:\|\||\?\?)\s*['"]?(\d{2,5})\b/,
    /\bPORT\s*(?:\|\||\?\?)\s*['"]?(\d{2,5})\b/,
    /(?:ListenAndServe(?:TLS)?\(\s*|Addr:\s*|\baddr\s*:?=\s*)"[^"\s]*:(\d{2,5})"/,
    /\b(?:const|var)\s+(?=\w*?(?:addr|Addr|port|Port))\w+\s*=\s*"[^"\s]*:(\d{2,5})"/,
  ];
  for (const pattern of patterns) {
    const port = Number(pattern.exec(source)?.[1]);
    if (port >= 1 && port <= 65535) return port;
  }
  return statedPort(source);
}

const NODE_ENTRIES = ['server.js', 'server.mjs', 'index.js', 'index.mjs', 'app.js', 'main.js', 'src/server.js', 'src/index.js', 'src/app.js', 'src/main.js'];

export function detectNode(dir: string, ltsNames: Readonly<Record<string, string>>): NodeDetection {
  const read = reader(dir);
  let pkg: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(read('package.json') ?? '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) pkg = parsed as Record<string, unknown>;
  } catch {
    // An unreadable package.json proposes from the rest; `npm ci` will say what is wrong with it.
  }
  const record = (value: unknown): Record<string, string> =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'))
      : {};
  const scripts = record(pkg.scripts);
  const dependencies = new Set(Object.keys(record(pkg.dependencies)));
  const devDependencies = new Set(Object.keys(record(pkg.devDependencies)));
  const declaredName = typeof pkg.name === 'string' ? pkg.name.replace(/^@[^/]+\//, '') : undefined;

  const lock = LOCKFILES.find(([file]) => read(file) !== undefined);
  const declaredManager = typeof pkg.packageManager === 'string' ? /^(npm|pnpm|yarn)@/.exec(pkg.packageManager)?.[1] : undefined;
  const packageManager: Found<NodePackageManager> = lock
    ? { value: lock[1], from: lock[0] }
    : declaredManager
      ? { value: declaredManager as NodePackageManager, from: 'package.json packageManager' }
      : { value: 'npm', from: 'default (no lockfile)' };

  const detection: NodeDetection = {
    language: 'node',
    name: slipwayName([declaredName], dir),
    packageManager,
    entrySource: '',
    scripts,
    dependencies,
    devDependencies,
  };
  for (const file of ['.nvmrc', '.node-version']) {
    const major = nodeMajor(read(file) ?? '', ltsNames);
    if (major) {
      detection.version = { value: major, from: file };
      break;
    }
  }
  const engines = record(pkg.engines).node;
  if (engines) detection.engines = { value: engines, from: 'package.json engines.node' };

  const start = plainNodeCommand(scripts.start);
  const main = typeof pkg.main === 'string' && read(pkg.main) !== undefined ? pkg.main : undefined;
  // A Vite site's src/main.js runs in the browser: only a declared start or main is a server there.
  const site = devDependencies.has('vite') || dependencies.has('vite');
  const guessed = site ? undefined : NODE_ENTRIES.find((f) => read(f) !== undefined);
  const entry = start?.find((w, i) => i > 0 && !w.startsWith('-')) ?? main ?? guessed;
  if (start) detection.command = { value: start, from: 'package.json scripts.start' };
  else if (entry) detection.command = { value: ['node', entry], from: main ? 'package.json main' : entry };
  detection.entrySource = entry ? (read(entry) ?? '') : '';
  const port = sourcePort(detection.entrySource);
  if (port && entry) detection.port = { value: port, from: entry };

  const bin = binScript(pkg.bin, typeof pkg.name === 'string' ? pkg.name : undefined);
  if (bin) detection.bin = { value: bin, from: 'package.json bin' };

  const all = new Set([...dependencies, ...devDependencies]);
  const server = (['express', 'fastify', 'koa'] as const).find((f) => dependencies.has(f));
  if (server) detection.framework = { value: server, from: 'package.json dependencies' };
  else if (/\bfrom\s+['"](?:node:)?http['"]|require\(\s*['"](?:node:)?http['"]\s*\)/.test(detection.entrySource)) {
    detection.framework = { value: 'http', from: entry! };
  } else if (all.has('vite')) detection.framework = { value: 'vite', from: 'package.json devDependencies' };
  return detection;
}

/**
 * The script of package.json's `bin`: the string form, or the entry named like the package (else the
 * first) of the object form; `./` removed. Paths that leave the package are ignored.
 */
export function binScript(bin: unknown, packageName: string | undefined): string | undefined {
  let path: unknown = bin;
  if (bin && typeof bin === 'object' && !Array.isArray(bin)) {
    const entries = Object.entries(bin);
    const unscoped = packageName?.replace(/^@[^/]+\//, '');
    path = (entries.find(([name]) => name === unscoped) ?? entries[0])?.[1];
  }
  if (typeof path !== 'string') return undefined;
  const clean = path.replace(/^(\.\/)+/, '');
  if (clean === '' || clean.startsWith('/') || clean.split('/').includes('..')) return undefined;
  return clean;
}

export function detectGo(dir: string): GoDetection {
  const read = reader(dir);
  const mod = read('go.mod') ?? '';
  const modulePath = /^module\s+(\S+)/m.exec(mod)?.[1];
  const detection: GoDetection = {
    language: 'go',
    name: slipwayName([modulePath?.split('/').pop()], dir),
    entrySource: '',
    http: false,
  };
  const directive = /^go\s+(1\.\d+)(?:\.\d+)?\s*$/m.exec(mod)?.[1];
  if (directive) detection.goDirective = { value: directive, from: 'go.mod go directive' };
  const toolchain = /^toolchain\s+go(1\.\d+)(?:\.\d+)?/m.exec(mod)?.[1];
  if (toolchain) detection.toolchain = { value: toolchain, from: 'go.mod toolchain directive' };

  const goFiles = (sub: string) =>
    listDir(join(dir, sub))
      .filter((e) => !e.dir && e.name.endsWith('.go') && !e.name.endsWith('_test.go'))
      .map((e) => (sub === '.' ? e.name : `${sub}/${e.name}`));
  const mainIn = (sub: string) => goFiles(sub).filter((f) => /^package\s+main\b/m.test(read(f) ?? ''));
  const candidates = ['.', ...listDir(join(dir, 'cmd')).filter((e) => e.dir).map((e) => `cmd/${e.name}`)];
  const found = candidates.find((c) => mainIn(c).length > 0);
  if (found) {
    const files = mainIn(found);
    detection.main = { value: found, from: files[0]! };
    detection.entrySource = files.map((f) => read(f) ?? '').join('\n');
  }
  detection.http = /"net\/http"/.test(detection.entrySource);
  const port = sourcePort(detection.entrySource);
  if (port && detection.main) detection.port = { value: port, from: detection.main.from };
  return detection;
}
