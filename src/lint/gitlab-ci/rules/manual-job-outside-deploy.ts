import { defineRule } from '../../engine/types.js';
import type { CiJob, GitlabCiDoc } from '../model/types.js';
import type { YScalar } from '../yaml/nodes.js';
import { isPagesJob, namesDelivery, namesTeardown } from '../support/job-kind.js';
import { reportOnce } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/manual-job-outside-deploy',
    kind: 'gitlab-ci',
    severity: 'info',
    description: 'A `when: manual` job (or rule) that is not a deployment: a build or test step that only runs when someone starts it.',
    rationale:
      'CD-Linter\'s "Manual Execution" smell (Vassallo et al., 2020): a manual job does not block the pipeline, which passes without it, so the build or test it stands for may never run. Manual gates belong to delivery. Left alone, as deployments: jobs with an `environment:` (a deployment, or stopping one), GitLab Pages jobs, jobs whose name or stage says they deliver (deploy, release, publish, staging, production, rollout, …) or tear down (destroy, delete, cleanup, rollback, stop, …), and jobs in a stage at or after a delivery stage. Unlike CD-Linter, words are matched as words where short (`prod` is not `product`), and `docker`, `image`, `install` and `manual` in a name do not excuse a manual build or test.',
    howToFix: 'Let the job run automatically (remove `when: manual`; use `rules:` to limit when it runs). If it does deliver something, say so with `environment:`.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'unit:\n  stage: test\n  script: make test\n  when: manual\n' },
        { code: 'e2e:\n  stage: test\n  script: make e2e\n  rules:\n    - if: $CI_PIPELINE_SOURCE == "merge_request_event"\n      when: manual\n' },
      ],
      good: [
        { code: 'deploy-production:\n  stage: deploy\n  script: make deploy\n  environment: production\n  when: manual\n' },
        {
          code: 'stop-review:\n  stage: test\n  script: make undeploy\n  environment:\n    name: review/$CI_COMMIT_REF_SLUG\n    action: stop\n  rules:\n    - if: $CI_MERGE_REQUEST_IID\n      when: manual\n',
        },
      ],
    },
  },
  check(ctx) {
    const doc = ctx.doc;
    const report = reportOnce(ctx);
    // Stages from the first delivery stage on come after deployment: manual gates are at home there.
    const declared = doc.stages.declared?.map((s) => String(s.value));
    const firstDelivery = declared?.findIndex((s) => namesDelivery(s)) ?? -1;
    const afterDelivery = (job: CiJob) => firstDelivery >= 0 && declared!.indexOf(job.stage) >= firstDelivery;
    const delivers = (job: CiJob) =>
      job.environment !== undefined ||
      isPagesJob(job) ||
      namesDelivery(job.name) ||
      namesDelivery(job.stage) ||
      namesTeardown(job.name) ||
      namesTeardown(job.stage) ||
      afterDelivery(job);
    const message = (job: CiJob, where: string) =>
      `job \`${job.name}\` (stage \`${job.stage}\`) only runs when started by hand (${where}), yet it does not deliver anything: the pipeline passes without it, so what it checks may never run (Manual Execution); let it run automatically, limited by \`rules:\` if needed, or give it an \`environment:\` if it deploys`;
    for (const job of doc.jobs) {
      const whens: Array<[YScalar, string]> = [];
      if (job.when?.value === 'manual') whens.push([job.when, '`when: manual`']);
      for (const rule of job.rules ?? []) if (rule.when?.value === 'manual') whens.push([rule.when, 'a rule with `when: manual`']);
      if (whens.length === 0 || delivers(job)) continue;
      for (const [node, where] of whens) report(node, message(job, where));
    }
  },
});
