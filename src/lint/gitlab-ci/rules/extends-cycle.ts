import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { at } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/extends-cycle',
    kind: 'gitlab-ci',
    severity: 'error',
    description: '`extends:` chains that loop back to a job already in the chain, or that are deeper than GitLab\'s limit of 10 levels.',
    rationale: 'GitLab refuses the pipeline ("circular dependency detected in `extends`", "nesting too deep"). The message shows the whole cycle.',
    howToFix: 'Remove one link of the cycle; flatten long chains of templates.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: '.a:\n  extends: .b\n.b:\n  extends: .a\njob:\n  extends: .a\n  script: make\n' },
        { code: 'job:\n  extends: job\n  script: make\n' },
      ],
      good: [
        { code: '.a:\n  image: alpine:3.20\n.b:\n  extends: .a\n  script: make\njob:\n  extends: .b\n' },
        { code: '.a:\n  script: make\n.b:\n  tags: [docker]\njob:\n  extends: [.a, .b]\n' },
      ],
    },
  },
  check(ctx) {
    for (const problem of ctx.doc.problems) {
      if (problem.kind === 'extends-cycle' || problem.kind === 'extends-too-deep') ctx.report({ message: problem.message, ...at(ctx, problem) });
    }
  },
});
