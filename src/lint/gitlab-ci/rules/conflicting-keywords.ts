import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { reportStructure } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/conflicting-keywords',
    kind: 'gitlab-ci',
    severity: 'error',
    description: 'Keywords that cannot be used together, such as `artifacts:public` with `artifacts:access`, or `rules` and `default` in one `spec:inputs` entry.',
    rationale: 'GitLab refuses the configuration; one of the two keywords has to go, and the message says which pair clashes.',
    howToFix: 'Keep one of the two keywords.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'build:\n  script: make\n  artifacts:\n    paths: [dist/]\n    public: false\n    access: developer\n' },
        { code: 'lint:\n  run:\n    - name: lint\n      step: gitlab.com/components/lint@v1\n      script: make lint\n' },
      ],
      good: [
        { code: 'build:\n  script: make\n  artifacts:\n    paths: [dist/]\n    access: developer\n' },
        { code: 'lint:\n  run:\n    - name: lint\n      script: make lint\n' },
      ],
    },
  },
  check(ctx) {
    reportStructure(ctx, ['conflict'], undefined);
  },
});
