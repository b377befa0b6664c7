import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { at } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/unknown-reference',
    kind: 'gitlab-ci',
    severity: 'error',
    description: 'A `!reference [name, key]` that does not resolve: unknown job or key, malformed, or referring to itself.',
    rationale: 'GitLab refuses the pipeline. References are resolved after `extends`, as GitLab does; names defined in includes slipway cannot read are left alone.',
    howToFix: 'Fix the job or key name; the message lists the keys the job has.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: '.setup:\n  script: make setup\ntest:\n  script:\n    - !reference [.setup, before_script]\n    - make test\n' },
        { code: 'test:\n  script:\n    - !reference [.stup, script]\n' },
      ],
      good: [
        { code: '.setup:\n  script: make setup\ntest:\n  script:\n    - !reference [.setup, script]\n    - make test\n' },
        { code: '.vars:\n  variables:\n    A: "1"\ntest:\n  variables: !reference [.vars, variables]\n  script: make test\n' },
      ],
    },
  },
  check(ctx) {
    for (const problem of ctx.doc.problems) {
      if (problem.kind.startsWith('reference-')) ctx.report({ message: problem.message, ...at(ctx, problem) });
    }
  },
});
