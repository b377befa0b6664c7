import type { RepoStat } from './source-reader.js';
import type { FileKind, SourceFile } from './types.js';

/** A file kind that is a real file (every kind but the cross-file pseudo-kind). */
export type FileKindOfFile = Exclude<FileKind, 'project'>;

/** One file of the linted repository as the cross-file (`project`) rules see it. */
export interface ProjectFile<Doc = unknown> {
  kind: FileKindOfFile;
  file: SourceFile;
  /** The parsed document; undefined when the file did not parse (its parse errors are reported on their own). */
  doc: Doc | undefined;
}

/**
 * The document of the `project` pseudo-kind: every file linted in this run, parsed, plus the
 * descriptor. Cross-file rules (`project/<name>`, in src/lint/cross/rules/) receive it as
 * `ctx.doc` and must report with `file` set to the file the problem is in.
 */
export interface ProjectDoc {
  /** Absolute root of the linted repository. */
  root: string;
  /** Every linted file by report path, in lint order. */
  files: ReadonlyMap<string, ProjectFile>;
  /** The files of one kind, in lint order. */
  ofKind(kind: FileKindOfFile): ProjectFile[];
  /**
   * `slipway.yaml` at the root: the linted one, or else the one on disk parsed for the
   * cross-file rules only (its own findings are then not reported). Undefined when absent.
   */
  descriptor: ProjectFile | undefined;
  /** Reads another file of the repository (e.g. a requirements file named by the CI); undefined when missing. */
  readFile(relPath: string): SourceFile | undefined;
  /** What a path relative to the root names (`file`, `directory`), or undefined when it is missing or outside the root. */
  pathType(relPath: string): 'file' | 'directory' | undefined;
}

export function createProjectDoc(
  root: string,
  files: readonly ProjectFile[],
  descriptor: ProjectFile | undefined,
  readFile: (relPath: string) => SourceFile | undefined,
  stat?: RepoStat,
): ProjectDoc {
  const map = new Map(files.map((f) => [f.file.path, f] as const));
  return {
    root,
    files: map,
    ofKind: (kind) => files.filter((f) => f.kind === kind),
    descriptor,
    readFile,
    // Without a stat function only files can be told apart from missing paths.
    pathType: stat ?? ((relPath) => (relPath === '.' || relPath === '' ? 'directory' : readFile(relPath) ? 'file' : undefined)),
  };
}
