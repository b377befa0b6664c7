import { defineRule } from '../../engine/types.js';
import type { CiJob, GitlabCiDoc } from '../model/types.js';
import type { YScalar } from '../yaml/nodes.js';
import { stringValue } from '../yaml/nodes.js';
import { namesDeploy, namesTeardown } from '../support/job-kind.js';
import { reportOnce } from '../support/report.js';

/** A job that deploys: a deploy name or stage, or an environment it starts (not stops). */
function deploys(job: CiJob): boolean {
  const action = stringValue(job.environment?.action);
  if (action !== undefined && action !== 'start') return false;
  if (namesTeardown(job.name)) return false;
  return namesDeploy(job) || (job.environment !== undefined && !namesTeardown(job.stage));
}

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/deploy-when-always',
    kind: 'gitlab-ci',
    severity: 'warning',
    description: 'A deploy job with `when: always` (on the job or in a rule): it deploys even when earlier stages failed.',
    rationale:
      '`when: always` runs the job whatever happened before it: a build that failed or tests that failed still get deployed. It belongs to clean-up and reporting jobs; jobs that stop an environment (`action: stop`) or tear one down are left alone.',
    howToFix: 'Use `when: on_success` (the default) so the job only deploys what passed, or `when: manual` for a gate.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'deploy:\n  stage: deploy\n  script: make deploy\n  environment: production\n  when: always\n' },
        { code: 'deploy-review:\n  stage: deploy\n  script: make review\n  environment: review/$CI_COMMIT_REF_SLUG\n  rules:\n    - if: $CI_MERGE_REQUEST_IID\n      when: always\n' },
      ],
      good: [
        { code: 'deploy:\n  stage: deploy\n  script: make deploy\n  environment: production\n  rules:\n    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n' },
        { code: 'stop-review:\n  stage: deploy\n  script: make undeploy\n  environment:\n    name: review/$CI_COMMIT_REF_SLUG\n    action: stop\n  when: always\n' },
      ],
    },
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const job of ctx.doc.jobs) {
      if (!deploys(job)) continue;
      const always: YScalar[] = [];
      if (job.when?.value === 'always') always.push(job.when);
      for (const rule of job.rules ?? []) if (rule.when?.value === 'always') always.push(rule.when);
      for (const node of always) {
        report(node, `job \`${job.name}\` deploys with \`when: always\`, so it deploys even when earlier jobs failed; use \`when: on_success\` (the default) or \`when: manual\``);
      }
    }
  },
});
