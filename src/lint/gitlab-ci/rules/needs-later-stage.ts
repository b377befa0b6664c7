import { defineRule } from '../../engine/types.js';
import type { CiJob, CiNeed, GitlabCiDoc } from '../model/types.js';
import { namedJob, stageIndex } from '../support/job-order.js';
import { reportOnce } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/needs-later-stage',
    kind: 'gitlab-ci',
    severity: 'error',
    description: 'A `needs:` entry (also in `rules:needs`) naming a job of a later stage.',
    rationale:
      'GitLab refuses the pipeline ("need X is not defined in current or prior stages"): a job may need jobs of its own stage or of earlier ones, never of a later one. Jobs of unknown stages, needs from other pipelines or projects, and files whose stages may come from an include slipway cannot read are left alone.',
    howToFix: 'Move one of the two jobs to another stage so the needed job comes first, or drop the need if the order was not meant.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'stages: [build, test]\nbuild:\n  stage: build\n  script: make\n  needs: [unit]\nunit:\n  stage: test\n  script: make test\n' },
        {
          code: 'publish:\n  stage: build\n  script: make publish\n  needs:\n    - job: docs\n      artifacts: true\ndocs:\n  stage: deploy\n  script: make docs\n',
          note: "GitLab's default stages: build, test, deploy",
        },
      ],
      good: [
        { code: 'stages: [build, test]\nbuild:\n  stage: build\n  script: make\nunit:\n  stage: test\n  script: make test\n  needs: [build]\n' },
        { code: 'lint:\n  stage: test\n  script: make lint\nunit:\n  stage: test\n  script: make test\n  needs: [lint]\n', note: 'a job may need a job of its own stage' },
      ],
    },
  },
  check(ctx) {
    const doc = ctx.doc;
    const report = reportOnce(ctx);
    const check = (job: CiJob, need: CiNeed) => {
      if (need.kind !== 'job' || !need.job || typeof need.job.value !== 'string') return;
      const needed = namedJob(doc, need.job.value);
      const mine = stageIndex(doc, job);
      const theirs = needed && stageIndex(doc, needed);
      if (!needed || mine === undefined || theirs === undefined || theirs <= mine) return;
      report(
        need.job,
        `job \`${job.name}\` (stage \`${job.stage}\`) needs \`${needed.name}\`, which runs in the later stage \`${needed.stage}\`; GitLab refuses this ("need ${needed.name} is not defined in current or prior stages"): move \`${needed.name}\` to \`${job.stage}\` or an earlier stage, or \`${job.name}\` to \`${needed.stage}\` or a later one`,
      );
    };
    for (const job of doc.jobs) {
      for (const need of job.needs ?? []) check(job, need);
      for (const rule of job.rules ?? []) for (const need of rule.needs ?? []) check(job, need);
    }
  },
});
