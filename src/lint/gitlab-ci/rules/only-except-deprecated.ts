import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { pairOf } from '../yaml/nodes.js';
import { reportOnce } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/only-except-deprecated',
    kind: 'gitlab-ci',
    severity: 'warning',
    description: '`only:` or `except:` in a job; GitLab no longer develops them and recommends `rules:`.',
    rationale:
      '`rules:` can express every `only`/`except` condition and more (variables, changes, manual and delayed jobs per condition); new GitLab features only come to `rules`. A job that has `rules` too is reported by gitlab-ci/rules-with-only-except instead.',
    howToFix: 'Rewrite the condition as `rules:`; for example `only: [main]` becomes `rules: [{ if: \'$CI_COMMIT_BRANCH == "main"\' }]`.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'deploy:\n  script: make deploy\n  only:\n    - main\n' },
        { code: 'test:\n  script: make test\n  except:\n    - tags\n' },
      ],
      good: [
        { code: 'deploy:\n  script: make deploy\n  rules:\n    - if: $CI_COMMIT_BRANCH == "main"\n' },
        { code: 'test:\n  script: make test\n  rules:\n    - if: $CI_COMMIT_TAG\n      when: never\n    - when: on_success\n' },
      ],
    },
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const job of ctx.doc.jobs) {
      if (job.rules !== undefined) continue;
      for (const keyword of ['only', 'except'] as const) {
        const pair = pairOf(job.resolved, keyword);
        if (!pair || (pair.value.kind === 'scalar' && pair.value.value === null)) continue;
        report(pair.key, `\`${keyword}\` in job \`${job.name}\` is no longer developed by GitLab; use \`rules:\` instead (they can express every \`${keyword}\` condition)`);
      }
    }
  },
});
