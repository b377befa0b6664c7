import { defineRule } from '../../engine/types.js';
import type { CiJob, GitlabCiDoc } from '../model/types.js';
import { stringValue } from '../yaml/nodes.js';
import { environmentName, namesDeploy, namesProduction, refRestricted } from '../support/job-kind.js';
import { reportOnce } from '../support/report.js';

/** True when the job deploys to production: its environment (or tier), or a deploy job named so. */
function deploysToProduction(job: CiJob): boolean {
  const env = job.environment;
  if (env) {
    if (env.action && stringValue(env.action) !== 'start') return false;
    if (stringValue(env.deploymentTier) === 'production') return true;
    const name = environmentName(job);
    return name !== undefined && namesProduction(name);
  }
  return namesDeploy(job) && namesProduction(job.name);
}

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/production-deploy-unprotected',
    kind: 'gitlab-ci',
    severity: 'warning',
    description: 'A job that deploys to production with no gate: not manual, not limited to chosen branches or tags, and no `resource_group`.',
    rationale:
      'Such a job deploys from every pipeline it is part of, feature branches and merge requests included, as soon as earlier stages pass. Production is recognised by the environment\'s name (`production`, `prod`, `prd`, `live` as words) or `deployment_tier: production`, or, without `environment:`, a deploy job named so. A gate is one of: `when: manual` (also in a rule), `rules:` whose every running rule tests the branch or tag (`$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH`, `$CI_COMMIT_TAG`, `$CI_COMMIT_REF_PROTECTED`), `only:` with chosen refs, or a `resource_group` (a sign the deploy was thought through; protected environments, set in GitLab\'s settings, are invisible to a linter).',
    howToFix:
      'Limit the job to the default branch or tags (`rules: [{if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH}]`), or make it manual; add `resource_group: production` so two deploys never run at once.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'deploy:\n  stage: deploy\n  script: make deploy\n  environment: production\n' },
        { code: 'deploy-prod:\n  stage: deploy\n  script: make deploy\n  environment:\n    name: prod\n  rules:\n    - if: $CI_PIPELINE_SOURCE == "push"\n' },
      ],
      good: [
        { code: 'deploy:\n  stage: deploy\n  script: make deploy\n  environment: production\n  resource_group: production\n  rules:\n    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n' },
        { code: 'deploy:\n  stage: deploy\n  script: make deploy\n  environment: production\n  when: manual\n' },
      ],
    },
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const job of ctx.doc.jobs) {
      if (!deploysToProduction(job)) continue;
      const manual = job.when?.value === 'manual' || (job.rules ?? []).some((r) => r.when?.value === 'manual');
      if (manual || job.resourceGroup || refRestricted(job)) continue;
      const where = job.environment?.name ?? (job.environment?.node.kind === 'scalar' ? job.environment.node : job.key);
      report(
        where,
        `job \`${job.name}\` deploys to production from every pipeline it runs in, with no gate; limit it to the default branch or tags with \`rules:\` (\`if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\`), or make it \`when: manual\`, and add \`resource_group:\` so deploys never overlap`,
      );
    }
  },
});
