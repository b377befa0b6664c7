import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { reportStructure } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/invalid-value',
    kind: 'gitlab-ci',
    severity: 'error',
    description: 'A value of the right type that GitLab still refuses: not one of the allowed values, out of range, too long, a duplicate, or a malformed path or key.',
    rationale: 'GitLab validates these when the pipeline is created, so the mistake shows up only after a push. The message lists the allowed values and suggests the closest one.',
    howToFix: 'Use one of the values the message lists, or bring the number into the allowed range.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'test:\n  script: make test\n  retry: 5\n', note: 'retry is 0 to 2' },
        { code: 'test:\n  script: make test\n  cache:\n    key: cache/main\n    policy: pul\n', note: 'a cache key cannot contain `/`; unknown policy' },
        { code: 'deploy:\n  trigger: my-project\n', note: 'a trigger needs the full project path' },
      ],
      good: [
        { code: 'test:\n  script: make test\n  retry:\n    max: 2\n    when: runner_system_failure\n  cache:\n    key: main\n    policy: pull\n' },
        { code: 'deploy:\n  trigger: my-group/my-project\n' },
      ],
    },
  },
  check(ctx) {
    reportStructure(ctx, ['value'], undefined);
  },
});
