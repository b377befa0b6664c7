import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { namedJob, stageIndex } from '../support/job-order.js';
import { reportOnce } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/dependencies-same-stage',
    kind: 'gitlab-ci',
    severity: 'warning',
    description: 'A `dependencies:` entry naming a job of the same stage that the job does not `needs:`.',
    rationale:
      'GitLab accepts it, but jobs of one stage start together: the job only fetches artifacts of jobs of EARLIER stages, so a same-stage dependency hands over nothing and the files the job expects are silently missing. Listing the job in `needs:` makes the job wait for it and receive its artifacts.',
    howToFix: 'Add the job to `needs:` (the job then waits for it), or move it to an earlier stage.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'compile:\n  stage: build\n  script: make\npackage:\n  stage: build\n  script: make package\n  dependencies: [compile]\n' },
        { code: 'stages: [build, test]\ncompile:\n  stage: build\n  script: make\nunit:\n  stage: test\n  script: make test\ncoverage:\n  stage: test\n  script: make coverage\n  dependencies: [compile, unit]\n' },
      ],
      good: [
        { code: 'compile:\n  stage: build\n  script: make\npackage:\n  stage: build\n  script: make package\n  needs: [compile]\n  dependencies: [compile]\n' },
        { code: 'compile:\n  stage: build\n  script: make\npackage:\n  stage: test\n  script: make package\n  dependencies: [compile]\n' },
      ],
    },
  },
  check(ctx) {
    const doc = ctx.doc;
    const report = reportOnce(ctx);
    for (const job of doc.jobs) {
      // With `needs:`, a dependency missing from them is an error (dependencies-later-stage).
      if (job.needs && job.needs.some((n) => n.kind === 'job')) continue;
      for (const dep of job.dependencies ?? []) {
        if (typeof dep.value !== 'string') continue;
        const other = namedJob(doc, dep.value);
        if (!other || other === job) continue;
        const mine = stageIndex(doc, job);
        if (mine === undefined || stageIndex(doc, other) !== mine) continue;
        report(
          dep,
          `job \`${job.name}\` depends on \`${other.name}\` of its own stage \`${job.stage}\`: jobs of a stage start together, so it gets none of \`${other.name}\`'s artifacts; add \`needs: [${other.name}]\` or move \`${other.name}\` to an earlier stage`,
        );
      }
    }
  },
});
