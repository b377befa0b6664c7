import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { at } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/extends-unknown',
    kind: 'gitlab-ci',
    severity: 'error',
    description: '`extends:` naming a job or template that is not defined in the file or its local includes.',
    rationale: 'GitLab refuses the pipeline ("unknown key in `extends`"). Files with includes slipway cannot read are left alone, since the template may be defined there.',
    howToFix: 'Fix the name (the message suggests the closest one), or include the file that defines the template.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: '.tests:\n  script: make test\nunit:\n  extends: .test\n' },
        { code: 'unit:\n  extends: [.base, .tests]\n  script: make test\n' },
      ],
      good: [
        { code: '.tests:\n  script: make test\nunit:\n  extends: .tests\n' },
        { code: 'include:\n  - project: my-group/ci-templates\n    file: tests.yml\nunit:\n  extends: .tests\n', note: 'defined in a file slipway cannot read' },
      ],
    },
  },
  check(ctx) {
    if (!ctx.doc.complete) return;
    for (const problem of ctx.doc.problems) {
      if (problem.kind === 'extends-unknown') ctx.report({ message: problem.message, ...at(ctx, problem) });
    }
  },
});
