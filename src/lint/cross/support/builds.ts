/** Which directory and Dockerfile an image build of a CI job uses, as the build tool finds them. */
import { posix } from 'node:path';
import type { ProjectDoc } from '../../engine/project.js';
import type { SourceFile } from '../../engine/types.js';
import type { ShellCommand, ShellWord } from '../../shell/index.js';
import { ciJobs, hasNoCheckout, jobCommands, resolvePath } from './ci.js';
import { buildCall, type BuildCall } from './commands.js';
import { pushAll } from '../../../util/push-all.js';

export interface ResolvedBuild {
  call: BuildCall;
  /** The context directory relative to the root; undefined when it cannot be told (a variable, stdin, a URL). */
  context: string | undefined;
  /** The Dockerfile paths the tool tries, in order, relative to the root. */
  candidates: string[];
  /** The word naming the Dockerfile, or the context word when the default name is used. */
  fileWord: ShellWord | undefined;
  /** The first candidate that exists. */
  dockerfile: string | undefined;
}

/** The context word as a path: kaniko's `dir://path` is a local directory. */
function contextWord(call: BuildCall): ShellWord | undefined {
  const w = call.context;
  if (!w || call.tool !== 'kaniko') return w;
  const strip = (s: string) => s.replace(/^dir:\/\//, '');
  return { raw: strip(w.raw.replace(/^"(dir:\/\/)/, '"')), value: w.value === undefined ? undefined : strip(w.value), span: w.span };
}

export function resolveBuild(project: ProjectDoc, call: BuildCall, cwd: string | undefined, checkout = '.'): ResolvedBuild {
  const ctxWord = contextWord(call);
  const context = ctxWord && ctxWord.value !== '-' ? resolvePath(ctxWord, cwd, checkout) : undefined;
  const candidates: string[] = [];
  let fileWord: ShellWord | undefined;
  if (call.file) {
    fileWord = call.file;
    const fromCwd = resolvePath(call.file, cwd, checkout);
    if (fromCwd) candidates.push(fromCwd);
    // podman, buildah and kaniko also look for a relative path in the context; docker does not.
    if (call.tool !== 'docker' && context && call.file.value !== undefined && !call.file.value.startsWith('/')) {
      candidates.push(posix.normalize(posix.join(context, call.file.value)));
    }
  } else if (context) {
    fileWord = ctxWord;
    const names = call.tool === 'podman' || call.tool === 'buildah' ? ['Containerfile', 'Dockerfile'] : ['Dockerfile'];
    pushAll(candidates, names.map((n) => posix.join(context, n)));
  }
  const dockerfile = candidates.find((c) => project.pathType(c) === 'file');
  return { call, context, candidates, fileWord, dockerfile };
}

/** An image build a CI job runs, with where it is written. */
export interface CiBuild extends ResolvedBuild {
  job: string;
  cwd: string;
  /** The CI file the command is written in. */
  file: SourceFile;
  /** The commands the job ran before the build (what they made may be in the context). */
  earlier: readonly ShellCommand[];
}

/** Every image build the CI jobs run, with the context and Dockerfile slipway can tell. */
export function ciBuilds(project: ProjectDoc): CiBuild[] {
  const out: CiBuild[] = [];
  for (const { doc, job, checkout } of ciJobs(project)) {
    if (hasNoCheckout(doc, job)) continue;
    for (const c of jobCommands(job, checkout)) {
      if (c.cwd === undefined) break;
      const call = buildCall(c.cmd);
      if (call) out.push({ ...resolveBuild(project, call, c.cwd, checkout), job: job.name, cwd: c.cwd, file: c.line.file, earlier: c.earlier });
    }
  }
  return out;
}
