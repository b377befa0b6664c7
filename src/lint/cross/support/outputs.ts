/**
 * Paths that may be missing from the repository on purpose: build outputs (ignored by
 * `.gitignore`, or artifacts and caches of CI jobs), submodules, and what a job made itself
 * before using it. Rules that report a missing path stay silent for them.
 */
import ignore, { type Ignore } from 'ignore';
import type { ProjectDoc } from '../../engine/project.js';
import type { ShellCommand } from '../../shell/index.js';
import { posix } from 'node:path';
import { listMakeTargets, type MakefileDoc } from '../../makefile/index.js';
import { ciJobs, insideRoot, resolveText, scalarSource } from './ci.js';

/**
 * Commands that create files without naming them all: a clone's directory, an archive's contents,
 * a configure step's Makefile, a compiler's or build tool's outputs (`go build` then `./app`).
 */
const CREATORS = new Set([
  'git', 'tar', 'unzip', '7z', 'cmake', 'configure', 'autoreconf', 'autogen.sh', 'bootstrap', 'meson', 'qmake',
  'cookiecutter', 'copier', 'svn', 'hg', 'make', 'gmake', 'ninja', 'go', 'cargo', 'rustc', 'gcc', 'g++', 'cc', 'c++',
  'clang', 'clang++', 'javac', 'mvn', 'mvnw', 'gradle', 'gradlew', 'ant', 'sbt', 'npm', 'npx', 'yarn', 'pnpm', 'bun',
  'tsc', 'composer', 'bundle', 'dotnet', 'msbuild', 'bazel', 'bazelisk', 'scons', 'zig', 'swift', 'poetry', 'hatch',
  'pyinstaller', 'tox', 'nox', 'conan', 'vcpkg', 'helm', 'kustomize', 'envsubst',
]);

/** Commands that only look at or move between paths: naming a path does not create it. */
const LOOKERS = new Set(['cd', 'pushd', 'popd', 'ls', 'echo', 'printf', 'cat', 'test', '[', '[[', 'stat', 'file', 'du', 'find', 'head', 'tail', 'wc', 'grep', 'pip', 'pip3']);
/** Shells: running a script may create anything. */
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'source', '.']);


export interface OutputGuard {
  /** True when `path` (relative to the root) may be produced by a build, a CI job or a submodule. */
  mayBeBuilt(path: string): boolean;
  /** True as well when an earlier command of the same job may have created it. */
  mayBeMadeBefore(path: string, earlier: readonly ShellCommand[]): boolean;
}

const guards = new WeakMap<ProjectDoc, OutputGuard>();

export function outputGuard(project: ProjectDoc): OutputGuard {
  let guard = guards.get(project);
  if (!guard) {
    guard = createGuard(project);
    guards.set(project, guard);
  }
  return guard;
}

function createGuard(project: ProjectDoc): OutputGuard {
  // .gitignore files apply to the paths under their directory; read each once.
  const gitignores = new Map<string, Ignore | undefined>();
  const gitignoreOf = (dir: string) => {
    if (!gitignores.has(dir)) {
      const file = project.readFile(dir === '.' ? '.gitignore' : `${dir}/.gitignore`);
      let ig: Ignore | undefined;
      try {
        ig = file ? ignore().add(file.text) : undefined;
      } catch {
        ig = undefined;
      }
      gitignores.set(dir, ig);
    }
    return gitignores.get(dir);
  };
  const submodules: string[] = [];
  const produced: string[] = [];
  const checkouts = new Set<string>(['.']);
  for (const { job, checkout } of ciJobs(project)) {
    checkouts.add(checkout);
    const paths = [...(job.artifacts?.paths ?? []), ...job.cache.flatMap((c) => c.paths)];
    for (const node of paths) {
      const resolved = literalPrefix(scalarSource(node), checkout);
      if (resolved && resolved !== '.') produced.push(resolved);
    }
  }
  // Files a Makefile builds (targets that are not .PHONY), e.g. `dist/app.whl` before `docker build`.
  for (const f of project.ofKind('makefile')) {
    const doc = f.doc as MakefileDoc | undefined;
    if (!doc || !insideRoot(f.file.path)) continue;
    const dir = posix.dirname(f.file.path);
    for (const t of listMakeTargets(doc)) {
      if (t.phony || t.pattern || t.special) continue;
      const path = resolveText(t.name, dir);
      if (path && path !== '.') produced.push(path);
    }
  }
  for (const checkout of checkouts) {
    const text = project.readFile(checkout === '.' ? '.gitmodules' : `${checkout}/.gitmodules`)?.text ?? '';
    for (const m of text.matchAll(/^[^\S\n\r\u2028\u2029]*path[^\S\n\r\u2028\u2029]*=[^\S\n\r\u2028\u2029]*(\S(?:[^\S\n\r\u2028\u2029]*\S)*)[^\S\n\r\u2028\u2029]*$/gm)) {
      const path = resolveText(m[1]!, checkout);
      if (path) submodules.push(path);
    }
  }
  const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);
  const ignored = (path: string) => {
    if (path === '.' || path === '') return false;
    const parts = path.split('/');
    for (let i = 0; i < parts.length; i++) {
      const dir = i === 0 ? '.' : parts.slice(0, i).join('/');
      const ig = gitignoreOf(dir);
      const rel = parts.slice(i).join('/');
      try {
        if (ig && (ig.ignores(rel) || ig.ignores(`${rel}/`))) return true;
      } catch {
        // a path the ignore library refuses (e.g. with `..`): not ignored
      }
    }
    return false;
  };
  const mayBeBuilt = (path: string) =>
    ignored(path) || produced.some((p) => under(path, p) || under(p, path)) || submodules.some((s) => under(path, s));
  return {
    mayBeBuilt,
    mayBeMadeBefore(path, earlier) {
      if (mayBeBuilt(path)) return true;
      for (const cmd of earlier) {
        const name = cmd.name ?? '';
        if (CREATORS.has(name) || name.endsWith('configure') || name.endsWith('.sh')) return true;
        if (SHELLS.has(name) && cmd.args.some((a) => a.value !== undefined && !a.value.startsWith('-'))) return true;
        const targets = cmd.redirects.flatMap((r) => (r.target && r.operator.includes('>') ? [r.target] : []));
        for (const word of [...(LOOKERS.has(name) ? [] : cmd.args), ...targets]) {
          for (const part of (word.value ?? word.raw).split(/[=\s]+/)) {
            const v = part.replace(/^["']|["']$/g, '').replace(/^(\.\/)+/, '').replace(/(?<!\/)\/+$/, '');
            if (v === '' || v === '.' || v === '..') continue;
            if (path === v || path.endsWith(`/${v}`) || path.startsWith(`${v}/`) || path.includes(`/${v}/`)) return true;
          }
        }
      }
      return false;
    },
  };
}

/** The literal directory part of an artifacts or cache path: `dist/*.whl` → `dist`, `$CI_PROJECT_DIR/x` → `x`. */
function literalPrefix(text: string | undefined, checkout: string): string | undefined {
  if (!text) return undefined;
  let t = text.replace(/^\$(?:CI_PROJECT_DIR|\{CI_PROJECT_DIR\})\/?/, '');
  const cut = t.search(/[$*?[{]/);
  if (cut >= 0) t = t.slice(0, cut).replace(/(?<![^/])[^/]*$/, '');
  t = t.replace(/(?<!\/)\/+$/, '');
  return t === '' ? undefined : resolveText(t, checkout);
}
