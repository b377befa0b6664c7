/**
 * Stage order of jobs, for the rules that compare a job with the jobs it names in `needs:` and
 * `dependencies:` (gitlab-ci/needs-later-stage, needs-cycle, dependencies-later-stage,
 * dependencies-same-stage).
 */
import type { CiJob, GitlabCiDoc } from '../model/types.js';

/**
 * The job a `needs`/`dependencies` entry names: a job that runs, or the job behind a parallel
 * instance name (`test 1/3`, `test: [a, b]`); undefined when unknown, hidden or a variable.
 */
export function namedJob(doc: GitlabCiDoc, name: string): CiJob | undefined {
  const direct = doc.job(name);
  if (direct) return direct.hidden ? undefined : direct;
  const base = parallelJobBase(name);
  const job = base ? doc.job(base) : undefined;
  return job && !job.hidden ? job : undefined;
}

/**
 * The job name in a parallel instance name, `test` in `test 1/3` or `test: [a, b]`, as
 * `/^(.*?)(?: \d+\/\d+|: \[.*\])$/` finds it, but without that pattern's rescan of the name from
 * every `: [` when the name does not end in `]` or holds a line break.
 */
export function parallelJobBase(name: string): string | undefined {
  if (!name.endsWith(']')) return /^(.*?) \d+\/\d+$/.exec(name)?.[1];
  const open = name.indexOf(': [');
  return open >= 0 && !/[\n\r\u2028\u2029]/.test(name) ? name.slice(0, open) : undefined;
}

/** The position of a job's stage in the pipeline, or undefined when the order is not known. */
export function stageIndex(doc: GitlabCiDoc, job: CiJob): number | undefined {
  if (!doc.stages.known) return undefined;
  const i = doc.stages.names.indexOf(job.stage);
  return i < 0 ? undefined : i;
}

/** `stage \`x\``, for messages. */
export function stageOf(job: CiJob): string {
  return `stage \`${job.stage}\``;
}
