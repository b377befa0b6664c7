/** Shared wording for rules that name other jobs (needs, dependencies). */
import { parallelJobBase } from './job-order.js';
import { suggest } from './suggest.js';
import type { GitlabCiDoc } from '../model/types.js';

/** Undefined when `name` is a job that runs; otherwise why not, ready to follow "job `x` needs `y`, ". */
export function describeUnknownJob(doc: GitlabCiDoc, name: string): string | undefined {
  const job = doc.job(name);
  if (job && !job.hidden) return undefined;
  if (job?.hidden) return 'which is a hidden job (its name starts with `.`) and never runs; name a job that runs';
  // `job 1/3` and `job: [a, b]` name instances of parallel jobs.
  const base = parallelJobBase(name);
  if (base && doc.job(base)) return undefined;
  if (name.includes('$')) return undefined;
  const guess = suggest(name, doc.jobs.map((j) => j.name));
  return `which is not defined${guess ? `; did you mean \`${guess}\`?` : ''}`;
}
