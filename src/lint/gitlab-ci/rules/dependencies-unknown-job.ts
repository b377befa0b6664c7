import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { reportOnce } from '../support/report.js';
import { describeUnknownJob } from '../support/jobs.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/dependencies-unknown-job',
    kind: 'gitlab-ci',
    severity: 'error',
    description: 'A `dependencies:` entry naming a job that is not defined in the pipeline.',
    rationale: 'GitLab refuses the pipeline ("undefined dependency"). Files with includes slipway cannot read are left alone.',
    howToFix: 'Fix the job name (the message suggests the closest one) or remove the entry.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'stages: [build, test]\ncompile:\n  stage: build\n  script: make\ntest:\n  stage: test\n  script: make test\n  dependencies: [complie]\n' },
        { code: 'test:\n  script: make test\n  dependencies:\n    - build\n' },
      ],
      good: [
        { code: 'stages: [build, test]\ncompile:\n  stage: build\n  script: make\ntest:\n  stage: test\n  script: make test\n  dependencies: [compile]\n' },
        { code: 'test:\n  script: make test\n  dependencies: []\n' },
      ],
    },
  },
  check(ctx) {
    const doc = ctx.doc;
    if (!doc.complete) return;
    const report = reportOnce(ctx);
    for (const job of doc.jobs) {
      for (const dep of job.dependencies ?? []) {
        if (typeof dep.value !== 'string') continue;
        const problem = describeUnknownJob(doc, dep.value);
        if (problem) report(dep, `job \`${job.name}\` depends on \`${dep.value}\`, ${problem}`);
      }
    }
  },
});
