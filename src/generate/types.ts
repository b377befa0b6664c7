/** What `generate` produces. */

export type GeneratedKind = 'dockerfile' | 'dockerignore' | 'gitlab-ci' | 'makefile' | 'tox';

export interface GeneratedFile {
  /** Path relative to the output directory, `/`-separated (e.g. `Dockerfile`, `.gitlab-ci.yml`). */
  path: string;
  kind: GeneratedKind;
  /** The complete file content, header and digest included. */
  content: string;
}
