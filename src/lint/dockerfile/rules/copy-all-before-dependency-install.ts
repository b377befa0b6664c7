import { posix } from 'node:path';
import { defineRule } from '../../engine/types.js';
import { dependencyInstalls, type DependencyInstall } from '../../shell/installs.js';
import type { AddInstruction, CopyInstruction, DockerfileDoc, Instruction, Token } from '../model.js';

/** Sources that copy the whole build context. */
const WHOLE_CONTEXT = new Set(['.', './', '*', './*', '/', './.']);
const GLOB = /[*?[]/;

interface ContextCopy {
  ins: CopyInstruction | AddInstruction;
  /** The source that copies everything, when there is one. */
  whole: Token | undefined;
  /** The destination as an absolute path, when known. */
  dest: string | undefined;
}

function absolute(path: string, workdir: string | undefined): string | undefined {
  if (path.startsWith('/')) return posix.normalize(path);
  return workdir ? posix.join(workdir, path) : undefined;
}

/** The file list of an install, for a message: `requirements.txt`, `package.json and package-lock.json`. */
function fileList(files: string[]): string {
  return files.length <= 1 ? (files[0] ?? '') : `${files.slice(0, -1).join(', ')} and ${files[files.length - 1]}`;
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/copy-all-before-dependency-install',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'The whole build context is copied before a dependency install that only needs the dependency files.',
    rationale:
      'Docker reuses a layer only while every layer before it is unchanged, and a COPY changes whenever any copied ' +
      'file does. With `COPY . .` (or a copy of the directory that holds requirements.txt / package.json) before ' +
      '`pip install -r requirements.txt`, `npm ci`, `go mod download`, `bundle install` …, editing any source file ' +
      're-runs the whole dependency install: minutes per build instead of seconds, and a new download of every ' +
      'package. Copying the dependency files alone first, installing, and copying the rest afterwards keeps the ' +
      'install cached until the dependencies change. Installs that need the project itself (`pip install .`, ' +
      '`pip install -e .`, `poetry install` without `--no-root`, `uv sync` without `--no-install-project`) are not ' +
      'reported. Only the same stage is checked. Neither hadolint, BuildKit, Trivy nor Checkov has this check.',
    howToFix:
      'Copy the dependency files first and the rest after the install: `COPY requirements.txt ./` + `RUN pip install ' +
      '-r requirements.txt` + `COPY . .` (npm: `package.json package-lock.json`; Go: `go.mod go.sum`; Bundler: ' +
      '`Gemfile Gemfile.lock`; Poetry: `pyproject.toml poetry.lock` with `poetry install --no-root`).',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'FROM python:3.13-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "main.py"]\n' },
        { code: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n' },
        { code: 'FROM golang:1.26 AS build\nWORKDIR /src\nCOPY app/ ./\nRUN go mod download && go build -o /bin/app .\n', note: 'a directory that holds go.mod' },
      ],
      good: [
        { code: 'FROM python:3.13-slim\nWORKDIR /app\nCOPY requirements.txt ./\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "main.py"]\n' },
        { code: 'FROM python:3.13-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir .\n', note: 'installing the project needs its source' },
        { code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY src/ ./src/\n' },
      ],
    },
  },
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      const copies: ContextCopy[] = [];
      const reported = new Set<ContextCopy>();
      for (const ins of stage.instructions) {
        if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
          if (ins.flag('from') || ins.heredocs.length > 0 || ins.sources.length === 0) continue;
          const dest = ins.destination?.value;
          copies.push({
            ins,
            whole: ins.sources.find((s) => WHOLE_CONTEXT.has(s.value)),
            dest: dest === undefined ? undefined : absolute(dest, ins.state.workdir),
          });
          continue;
        }
        if (ins.keyword !== 'RUN' || !ins.script || copies.length === 0) continue;
        for (const install of dependencyInstalls(ins.script)) {
          if (install.needsSource || install.dynamic || install.files.length === 0) continue;
          const hit = findBustingCopy(copies, install, ins.state.workdir);
          if (!hit || reported.has(hit.copy)) continue;
          // A directory copied before the install and the whole context after it: the author already split them.
          if (!hit.copy.whole && copiesContextLater(stage.instructions, ins.index)) continue;
          reported.add(hit.copy);
          const files = install.tool === 'npm' ? ['package.json', 'package-lock.json'] : install.files;
          const what = hit.copy.whole ? 'the whole build context' : `the directory \`${hit.source.value}\``;
          ctx.report({
            message:
              `${hit.copy.ins.keyword} of ${what} comes before \`${install.text}\` (line ${ins.startLine}), which only needs ${fileList(files)}: ` +
              `any change to any copied file re-runs the install; copy ${fileList(files)} first, install, then copy the rest`,
            span: hit.source.span,
          });
        }
      }
    }
  },
});

/** True when a COPY/ADD after the instruction at `index` copies the whole build context. */
function copiesContextLater(instructions: readonly Instruction[], index: number): boolean {
  return instructions.some(
    (i) => i.index > index && (i.keyword === 'COPY' || i.keyword === 'ADD') && !i.flag('from') && i.sources.some((s) => WHOLE_CONTEXT.has(s.value)),
  );
}

/** The earliest earlier COPY that copies the whole context, or the directory the install's files come from. */
function findBustingCopy(copies: ContextCopy[], install: DependencyInstall, workdir: string | undefined): { copy: ContextCopy; source: Token } | undefined {
  for (const copy of copies) {
    if (copy.whole) return { copy, source: copy.whole };
  }
  // A directory copy that brings the dependency file: `COPY app/ /src/` + `RUN pip install -r /src/requirements.txt`.
  for (const file of install.files.slice(0, 1)) {
    const path = absolute(file, workdir);
    if (!path) continue;
    const name = posix.basename(path);
    // A copy of the file itself (or a glob that may match it) anywhere before means it is copied on its own.
    if (copies.some((c) => c.ins.sources.some((s) => GLOB.test(s.value) || posix.basename(s.value) === name))) continue;
    for (const copy of copies) {
      const source = copy.ins.sources[0]!;
      if (copy.ins.sources.length !== 1 || !copy.dest || /^[a-z][a-z0-9+.-]*:\/\//i.test(source.value)) continue;
      // A source with an extension is a file (directories seldom have one); a `requirements/` directory holds
      // only dependency files.
      const base = posix.basename(source.value.replace(/(?<!\/)\/+$/, ''));
      if (/\.[A-Za-z0-9]+$/.test(base) || /^(requirements?|reqs?|deps|dependencies|constraints)$/i.test(base)) continue;
      const dir = copy.dest.replace(/(?<!\/)\/+$/, '') || '/';
      if (path.startsWith(dir === '/' ? '/' : `${dir}/`)) return { copy, source };
    }
  }
  return undefined;
}
