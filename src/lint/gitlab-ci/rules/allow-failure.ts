import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { isManual, isScanner } from '../support/job-kind.js';
import { reportOnce } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/allow-failure',
    kind: 'gitlab-ci',
    severity: 'warning',
    description: '`allow_failure: true` on a job (or in one of its `rules:`): the pipeline passes when the job fails.',
    rationale:
      'CD-Linter\'s "Fake Success" smell (Vassallo et al., 2020): a job allowed to fail shows a pipeline that passed, so a broken test or lint stays unnoticed until it is long forgotten; in the study a third of the projects that answered fixed it. Left alone: security and quality scanners (by name, stage, or `artifacts:reports` such as `sast`, `dependency_scanning`, `codequality`), whose findings are shown in merge requests whatever the job\'s status; `allow_failure: {exit_codes: …}`, which only lets chosen exit codes through; and manual jobs, for which `allow_failure: true` is GitLab\'s default.',
    howToFix:
      'Fix what fails and remove `allow_failure: true`. When some outcomes should only warn, make the job exit with a dedicated code and allow just that one: `allow_failure: {exit_codes: [3]}`.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'lint:\n  script: flake8 src\n  allow_failure: true\n' },
        {
          code: '.optional:\n  allow_failure: true\nunit-py313:\n  extends: .optional\n  image: python:3.13\n  script: pytest\n',
          note: 'reported once, where the template sets it',
        },
      ],
      good: [
        { code: 'lint:\n  script: ./lint.sh\n  allow_failure:\n    exit_codes: [3]\n', note: 'only exit code 3 (warnings) is let through' },
        {
          code: 'secret_detection:\n  image: registry.gitlab.com/security-products/secrets:6\n  script: /analyzer run\n  allow_failure: true\n  artifacts:\n    reports:\n      secret_detection: gl-secret-detection-report.json\n',
          note: 'scanners report through merge requests',
        },
      ],
    },
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const job of ctx.doc.jobs) {
      if (isScanner(job)) continue;
      const af = job.allowFailure;
      if (af?.value === true && !isManual(job)) {
        report(
          af.node,
          `job \`${job.name}\` has \`allow_failure: true\`: when it fails, the pipeline still passes and nobody has to look (Fake Success); fix what fails and remove it, or let through only the exit codes meant as warnings (\`allow_failure: {exit_codes: [N]}\`)`,
        );
      }
      for (const rule of job.rules ?? []) {
        if (rule.allowFailure?.value !== true || rule.when?.value === 'manual') continue;
        report(
          rule.allowFailure,
          `a rule of job \`${job.name}\` sets \`allow_failure: true\`: when the job fails under this rule, the pipeline still passes (Fake Success); fix what fails and remove it, or let through only chosen exit codes (\`allow_failure: {exit_codes: [N]}\`)`,
        );
      }
    }
  },
});
