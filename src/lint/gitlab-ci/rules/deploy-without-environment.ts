import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { isPagesJob, namesDeploy } from '../support/job-kind.js';
import { reportOnce } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/deploy-without-environment',
    kind: 'gitlab-ci',
    severity: 'info',
    description: 'A deploy job (its name or stage says deploy) without `environment:`.',
    rationale:
      'Without `environment:` GitLab does not know the job deploys: no deployment history, no rollback or re-deploy button, no link to the running app, and no protected environment, so anyone who can run a pipeline can deploy. GitLab Pages jobs and `trigger:` jobs are left alone.',
    howToFix: 'Name the environment the job deploys to: `environment: {name: production, url: https://example.com}` (with `action: stop` for a job that tears one down).',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'deploy:\n  stage: deploy\n  script: make deploy\n  rules:\n    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n' },
        { code: 'stages: [build, deploy-staging]\nweb:\n  stage: deploy-staging\n  script: ./rsync-to.sh staging\n' },
      ],
      good: [
        { code: 'deploy:\n  stage: deploy\n  script: make deploy\n  environment:\n    name: production\n    url: https://example.com\n  rules:\n    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n' },
        { code: 'pages:\n  stage: deploy\n  script: make site\n  artifacts:\n    paths: [public]\n    expire_in: 1 day\n', note: 'GitLab Pages has its own deployments' },
      ],
    },
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const job of ctx.doc.jobs) {
      if (job.environment || !namesDeploy(job) || isPagesJob(job) || job.trigger) continue;
      report(
        job.key,
        `job \`${job.name}\` (stage \`${job.stage}\`) deploys but has no \`environment:\`, so GitLab keeps no deployment history, offers no rollback and cannot protect it; add \`environment: {name: <where it deploys>}\``,
      );
    }
  },
});
