import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { reportOnce } from '../support/report.js';

/** `retry:when` values under which a failing script is retried. */
const SCRIPT_FAILURES = new Set(['always', 'script_failure', 'unknown_failure']);

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/retry-script-failure',
    kind: 'gitlab-ci',
    severity: 'warning',
    description: '`retry:` that reruns a job when its script fails (`retry: N`, or `when:` including `always` or `script_failure`).',
    rationale:
      'CD-Linter\'s "Retry Failure" smell (Vassallo et al., 2020): rerunning a failed script until it passes hides flaky tests and flaky deploys, and a real failure costs N runs before anyone sees it. Retrying what is not the script\'s fault — a lost runner, a timeout, an API or image-pull error — is what `retry:when` is for, and is not reported; neither is a retry limited to chosen `exit_codes`.',
    howToFix:
      'Retry infrastructure failures only: `retry: {max: 2, when: [runner_system_failure, stuck_or_timeout_failure, api_failure, scheduler_failure]}`; fix or quarantine flaky tests instead of retrying them.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'test:\n  script: pytest\n  retry: 2\n' },
        { code: 'default:\n  retry:\n    max: 2\n    when: [script_failure, runner_system_failure]\ntest:\n  script: pytest\n' },
      ],
      good: [
        { code: 'test:\n  script: pytest\n  retry:\n    max: 2\n    when: [runner_system_failure, stuck_or_timeout_failure]\n' },
        { code: 'test:\n  script: pytest\n  retry: 0\n' },
      ],
    },
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const job of ctx.doc.jobs) {
      const retry = job.retry;
      if (!retry || retry.max === undefined || retry.max <= 0 || retry.exitCodes.length > 0) continue;
      const when = retry.when.map((w) => String(w.value));
      if (when.length > 0 && !when.some((w) => SCRIPT_FAILURES.has(w))) continue;
      const trigger = when.length === 0 ? 'whatever fails' : `on \`${when.filter((w) => SCRIPT_FAILURES.has(w)).join('`, `')}\``;
      const whose = job.origin('retry') === 'default' ? 'every job (`default:`)' : `job \`${job.name}\``;
      report(
        retry.node,
        `\`retry\` reruns ${whose} up to ${retry.max} time${retry.max === 1 ? '' : 's'} ${trigger}, so a failing or flaky script passes on a later try (Retry Failure); retry only infrastructure failures (\`when: [runner_system_failure, stuck_or_timeout_failure]\`) and fix or quarantine flaky tests`,
      );
    }
  },
});
