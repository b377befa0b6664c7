/**
 * Jobs, then the hidden jobs (templates) for what no job uses: a template's value is judged in the
 * context of the jobs that extend it (their variables, their services), and in its own context only
 * when no job of the file uses it (a file of templates that other pipelines include).
 */
import type { CiJob, GitlabCiDoc } from '../model/types.js';

export interface VisitedJob {
  job: CiJob;
  /** For a job, true (and remembers the node); for a hidden job, whether no job has met the node. */
  fresh(node: object): boolean;
}

export function* jobsThenTemplates(doc: GitlabCiDoc): Generator<VisitedJob> {
  const seen = new Set<object>();
  for (const job of doc.jobs) {
    yield {
      job,
      fresh: (node) => {
        seen.add(node);
        return true;
      },
    };
  }
  for (const job of doc.hiddenJobs) yield { job, fresh: (node) => !seen.has(node) };
}
