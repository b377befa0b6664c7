/**
 * Runtime versions written in a repository's files: Dockerfile base images (ARG defaults
 * substituted) and version ARGs, CI job images and `parallel: matrix` / `variables:` values, tox
 * envlist factors. Each is a `VersionSite` at the characters that hold the version.
 */
import type { ProjectDoc } from '../../engine/project.js';
import type { Span } from '../../engine/types.js';
import type { DockerfileDoc, ImageRef, KeyValue } from '../../dockerfile/index.js';
import { splitReference } from '../../dockerfile/image-ref.js';
import { valueSpan, type CiJob, type GitlabCiDoc, type YScalar } from '../../gitlab-ci/index.js';
import { parsePythonVersion, type ToxDoc } from '../../tox/index.js';
import { ciDocs, ciJobs, jobVariable, scalarSource } from './ci.js';
import { lintedDockerfiles } from './dockerfiles.js';
import type { Site } from './where.js';

export type Runtime = 'python' | 'node' | 'go';

export const RUNTIME_LABEL: Record<Runtime, string> = { python: 'Python', node: 'Node.js', go: 'Go' };

/** Base names of the official images of each runtime. */
const IMAGE_RUNTIME: Record<string, Runtime> = { python: 'python', node: 'node', golang: 'go' };

/** Variables that hold a runtime version (`PYTHON_VERSION`, `PY_VERSION`, `NODE_VERSION`, `GO_VERSION`). */
const VARIABLE_RUNTIME: [RegExp, Runtime][] = [
  [/^PY(?:THON)?_?(?:VERSION|VER)$/i, 'python'],
  [/^NODE(?:JS)?_?(?:VERSION|VER)$/i, 'node'],
  [/^GO(?:LANG)?_?(?:VERSION|VER)$/i, 'go'],
];

export function runtimeOfVariable(name: string): Runtime | undefined {
  return VARIABLE_RUNTIME.find(([re]) => re.test(name))?.[1];
}

export interface VersionSite extends Site {
  runtime: Runtime;
  /** `3.12`, `3.12.4`, `20`. */
  version: string;
  /** Which file kind holds it. */
  source: 'dockerfile' | 'gitlab-ci' | 'tox';
  /** What the value is, for messages: "the base image of stage `builder`", "job `test`'s image". */
  what: string;
  /** For Dockerfile sites: the file and whether it is the final stage. */
  dockerfile?: { path: string; finalStage: boolean };
  /** For CI `parallel: matrix` values: the job (so a job's list can be compared as a whole). */
  matrixOf?: string;
}

/** The version a tag or value starts with: `3.12-slim` → `3.12`, `20.11.1-alpine` → `20.11.1`. */
export function leadingVersion(text: string): string | undefined {
  return /^v?(\d+(?:\.\d+){0,2})(?![\d])(?=$|[-_.+a-z])/i.exec(text)?.[1];
}

/** Two versions agree when they are equal on the components both give (`3` agrees with `3.12`). */
export function versionsAgree(a: string, b: string): boolean {
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (Number(x[i]) !== Number(y[i])) return false;
  return true;
}

function imageRuntime(name: string): Runtime | undefined {
  const base = name.slice(name.lastIndexOf('/') + 1).toLowerCase();
  return IMAGE_RUNTIME[base];
}

// ---------------------------------------------------------------------------------------------
// Dockerfile

/** The span of the version at the start of `[start, end)` when `text` there starts with it. */
function narrow(text: string, span: Span, version: string): Span {
  const written = text.slice(span.start, span.end);
  const at = written.indexOf(version);
  return at >= 0 ? { start: span.start + at, end: span.start + at + version.length } : span;
}

/** Where the version of a FROM image's tag is written: the tag itself, or the default of the ARG it comes from. */
function tagSite(doc: DockerfileDoc, image: ImageRef, version: string): { span: Span; variable?: string } | undefined {
  const tag = image.tag!;
  const written = doc.text.slice(tag.span.start, tag.span.end);
  const variable = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(written)?.[1];
  if (variable === undefined) return { span: narrow(doc.text, tag.span, version) };
  const pair = argDefault(doc.globalArgs.flatMap((a) => a.pairs), variable);
  return pair?.value ? { span: narrow(doc.text, pair.value.span, version), variable } : undefined;
}

function argDefault(pairs: readonly KeyValue[], name: string): KeyValue | undefined {
  return [...pairs].reverse().find((p) => p.name.value === name && p.value !== undefined);
}

export function dockerfileVersionSites(project: ProjectDoc): VersionSite[] {
  const out: VersionSite[] = [];
  for (const { file, doc } of lintedDockerfiles(project)) {
    // One ARG default can give several stages their version: keep one site, described by the final stage when it is one.
    const seen = new Map<number, number>();
    const push = (site: VersionSite) => {
      const known = seen.get(site.span.start);
      if (known === undefined) {
        seen.set(site.span.start, out.length);
        out.push(site);
      } else if (site.dockerfile?.finalStage && !out[known]!.dockerfile?.finalStage) out[known] = site;
    };
    for (const stage of doc.stages) {
      const image = stage.image;
      if (!image || image.stage || image.isScratch || !image.tag?.known || !image.name.known) continue;
      const runtime = imageRuntime(image.name.value);
      const version = runtime && leadingVersion(image.tag.value);
      if (!runtime || !version) continue;
      const site = tagSite(doc, image, version);
      if (!site) continue;
      const span = site.span;
      const what = (stage.name ? `the base image of stage \`${stage.name}\`` : 'the base image') + (site.variable ? ` (\`ARG ${site.variable}\`)` : '');
      push({ file, span, runtime, version, source: 'dockerfile', what, dockerfile: { path: file.path, finalStage: stage.isLast } });
    }
    // Version ARGs used elsewhere (`uv python install $PYTHON_VERSION`) or as a build argument.
    for (const arg of doc.find('ARG')) {
      for (const pair of arg.pairs) {
        const runtime = runtimeOfVariable(pair.name.value);
        const version = pair.value && leadingVersion(pair.value.value);
        if (!runtime || !version || !pair.value) continue;
        const final = arg.stage === undefined ? true : arg.stage.isLast;
        const span = narrow(doc.text, pair.value.span, version);
        push({ file, span, runtime, version, source: 'dockerfile', what: `\`ARG ${pair.name.value}\``, dockerfile: { path: file.path, finalStage: final } });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// GitLab CI

function scalarSite(node: YScalar, version: string): Span {
  const text = scalarSource(node) ?? '';
  const at = text.indexOf(version);
  if (node.style === 'plain' && at >= 0) return { start: node.span.start + at, end: node.span.start + at + version.length };
  const value = typeof node.value === 'string' ? node.value : String(node.value);
  const i = value.indexOf(version);
  return i >= 0 ? valueSpan(node, i, i + version.length) : node.span;
}

/** The values a variable takes in a job: its `parallel: matrix` values, else its own or global value. */
function variableValues(doc: GitlabCiDoc, job: CiJob, name: string): { node: YScalar; text: string; matrix: boolean }[] {
  const fromMatrix = (job.parallel?.matrix ?? []).flatMap((entry) => entry.get(name) ?? []);
  if (fromMatrix.length > 0) return fromMatrix.map((node) => ({ node, text: scalarSource(node) ?? '', matrix: true }));
  const v = jobVariable(doc, job, name);
  return v ? [{ node: v.node, text: v.text, matrix: false }] : [];
}

export function ciVersionSites(project: ProjectDoc): VersionSite[] {
  const out: VersionSite[] = [];
  const seen = new Set<string>();
  const push = (site: VersionSite) => {
    const key = `${site.file.path}:${site.span.start}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(site);
  };
  const fromValue = (node: YScalar, text: string, runtime: Runtime, what: string, matrixOf?: string) => {
    const version = leadingVersion(text);
    if (!version) return;
    const site: VersionSite = { file: node.file, span: scalarSite(node, version), runtime, version, source: 'gitlab-ci', what };
    if (matrixOf !== undefined) site.matrixOf = matrixOf;
    push(site);
  };
  for (const { doc, job } of ciJobs(project)) {
    const name = job.image?.name;
    const text = name && typeof name.value === 'string' ? name.value : undefined;
    if (name && text) {
      const ranges = splitReference(text);
      const runtime = ranges.name && imageRuntime(text.slice(...ranges.name));
      if (runtime && ranges.tag) {
        const tag = text.slice(...ranges.tag);
        const variable = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/.exec(tag)?.[1];
        if (variable !== undefined) {
          for (const v of variableValues(doc, job, variable)) {
            fromValue(v.node, v.text, runtime, v.matrix ? `\`${variable}\` in job \`${job.name}\`'s matrix` : `\`${variable}\` of job \`${job.name}\``, v.matrix ? job.name : undefined);
          }
        } else {
          const version = leadingVersion(tag);
          if (version) {
            const start = ranges.tag[0] + (tag.indexOf(version));
            push({ file: name.file, span: valueSpan(name, start, start + version.length), runtime, version, source: 'gitlab-ci', what: `job \`${job.name}\`'s image` });
          }
        }
      }
    }
    for (const entry of job.parallel?.matrix ?? []) {
      for (const [variable, values] of entry) {
        const runtime = runtimeOfVariable(variable);
        if (!runtime) continue;
        for (const node of values) fromValue(node, scalarSource(node) ?? '', runtime, `\`${variable}\` in job \`${job.name}\`'s matrix`, job.name);
      }
    }
    for (const v of job.variables) {
      const runtime = runtimeOfVariable(v.name);
      if (runtime && v.value) fromValue(v.value, scalarSource(v.value) ?? '', runtime, `\`${v.name}\` of job \`${job.name}\``);
    }
  }
  for (const { doc } of ciDocs(project)) {
    for (const v of doc.variables) {
      const runtime = runtimeOfVariable(v.name);
      if (runtime && v.value) fromValue(v.value, scalarSource(v.value) ?? '', runtime, `the global \`${v.name}\``);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// tox

export function toxVersionSites(project: ProjectDoc): VersionSite[] {
  const out: VersionSite[] = [];
  for (const f of project.ofKind('tox')) {
    const doc = f.doc as ToxDoc | undefined;
    if (!doc) continue;
    const seen = new Set<number>();
    for (const env of doc.envs) {
      for (const factor of env.factors) {
        const v = parsePythonVersion(factor.name);
        if (!v || v.implementation !== 'cpython' || v.minor === undefined || seen.has(factor.span.start)) continue;
        seen.add(factor.span.start);
        out.push({ file: f.file, span: factor.span, runtime: 'python', version: `${v.major}.${v.minor}`, source: 'tox', what: `env \`${env.name}\`` });
      }
    }
  }
  return out;
}
