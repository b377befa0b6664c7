import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { pairOf } from '../yaml/nodes.js';
import { at } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/rules-with-only-except',
    kind: 'gitlab-ci',
    severity: 'error',
    description: 'A job (after `extends`) that has `rules:` together with `only:` or `except:`.',
    rationale: 'GitLab refuses the pipeline ("key may not be used with `rules`"). It often happens when a job adds `rules` but extends a template that still uses `only`.',
    howToFix: 'Move the `only`/`except` condition into `rules:` and remove it; if it comes from a template, override it there or stop extending it.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'deploy:\n  script: make deploy\n  only: [main]\n  rules:\n    - when: manual\n' },
        { code: '.deploy:\n  except: [tags]\ndeploy:\n  extends: .deploy\n  script: make deploy\n  rules:\n    - if: $CI_COMMIT_BRANCH == "main"\n' },
      ],
      good: [
        { code: 'deploy:\n  script: make deploy\n  rules:\n    - if: $CI_COMMIT_BRANCH == "main"\n      when: manual\n' },
        { code: 'deploy:\n  script: make deploy\n  only: [main]\n' },
      ],
    },
  },
  check(ctx) {
    const seen = new Set<string>();
    for (const job of ctx.doc.jobs) {
      const rules = pairOf(job.resolved, 'rules');
      if (!rules) continue;
      for (const keyword of ['only', 'except'] as const) {
        const pair = pairOf(job.resolved, keyword);
        if (!pair || (pair.value.kind === 'scalar' && pair.value.value === null)) continue;
        const id = `${job.name}:${keyword}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const from = job.own.pairs.some((p) => p.key === pair.key) ? '' : ' (it comes from a template it extends)';
        ctx.report({
          message: `job \`${job.name}\` has both \`rules\` and \`${keyword}\`${from}; GitLab refuses that: express the \`${keyword}\` condition as a rule and remove \`${keyword}\``,
          ...at(ctx, pair.key),
        });
      }
    }
  },
});
