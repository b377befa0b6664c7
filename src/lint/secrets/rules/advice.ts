import type { FileKind, SourceFile } from '../../engine/types.js';

/** Where a secret should live instead, for the kind of file it was committed in. */
const KEEP_IT_IN: Record<FileKind, string> = {
  'gitlab-ci': 'pass it as a masked CI/CD variable (Settings > CI/CD > Variables), referenced as `$NAME`',
  dockerfile:
    'pass it at build time with a secret mount (`RUN --mount=type=secret,id=…`); ARG and ENV values stay in the image and its history',
  makefile: 'read it from the environment (set outside the repository) instead of the Makefile',
  tox: 'take it from the environment with `passenv` instead of writing it in tox.ini',
  descriptor: 'keep it in a masked CI/CD variable and refer to it by name',
  project: 'read it from the environment or a secret store',
};

export function keepItIn(file: SourceFile): string {
  return KEEP_IT_IN[file.kind] ?? KEEP_IT_IN.project;
}

/** The file's base name, as messages name it. */
export function fileLabel(file: SourceFile): string {
  const slash = file.path.lastIndexOf('/');
  return slash >= 0 ? file.path.slice(slash + 1) : file.path;
}
