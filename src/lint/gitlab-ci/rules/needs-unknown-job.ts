import { defineRule } from '../../engine/types.js';
import type { CiNeed, GitlabCiDoc } from '../model/types.js';
import { reportOnce } from '../support/report.js';
import { describeUnknownJob } from '../support/jobs.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/needs-unknown-job',
    kind: 'gitlab-ci',
    severity: 'error',
    description: 'A `needs:` entry (also in `rules:needs`) naming a job that is not defined in the pipeline.',
    rationale:
      'GitLab refuses the pipeline ("undefined need"). Needs marked `optional: true` are left alone (that is what optional is for), as are needs from other pipelines or projects, and files with includes slipway cannot read.',
    howToFix: 'Fix the job name (the message suggests the closest one), or mark the need `optional: true` if the job is only sometimes created.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'build:\n  script: make\ntest:\n  script: make test\n  needs: [biuld]\n' },
        { code: '.template:\n  script: make\ntest:\n  script: make test\n  needs:\n    - job: .template\n', note: 'hidden jobs never run' },
      ],
      good: [
        { code: 'build:\n  script: make\ntest:\n  script: make test\n  needs: [build]\n' },
        { code: 'test:\n  script: make test\n  needs:\n    - job: build\n      optional: true\n    - pipeline: $PARENT_PIPELINE_ID\n      job: generate\n' },
      ],
    },
  },
  check(ctx) {
    const doc = ctx.doc;
    if (!doc.complete) return;
    const report = reportOnce(ctx);
    const check = (jobName: string, need: CiNeed) => {
      if (need.kind !== 'job' || need.optional || !need.job) return;
      const problem = describeUnknownJob(doc, String(need.job.value));
      if (problem) report(need.job, `job \`${jobName}\` needs \`${String(need.job.value)}\`, ${problem}`);
    };
    for (const job of doc.jobs) {
      for (const need of job.needs ?? []) check(job.name, need);
      for (const rule of job.rules ?? []) for (const need of rule.needs ?? []) check(job.name, need);
    }
  },
});
