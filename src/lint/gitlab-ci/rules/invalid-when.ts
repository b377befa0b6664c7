import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { reportStructure } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/invalid-when',
    kind: 'gitlab-ci',
    severity: 'error',
    description: 'A `when:` value that is not allowed where it is written, or `when: delayed` without `start_in` (and `start_in` without `when: delayed`).',
    rationale:
      'Each place takes its own values: a job takes on_success, on_failure, always, manual, delayed; `rules` also take never; `workflow:rules` and `include:rules` only always and never; `artifacts` and `cache` on_success, on_failure, always. `when: never` at job level is a common mistake GitLab refuses.',
    howToFix: 'Use a value the message lists for that place; put `when: never` inside `rules:`; add `start_in:` to a delayed job.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'test:\n  script: make test\n  when: never\n', note: 'never only works in rules' },
        { code: 'workflow:\n  rules:\n    - if: $CI_COMMIT_TAG\n      when: manual\n' },
        { code: 'deploy:\n  script: make deploy\n  when: delayed\n' },
      ],
      good: [
        { code: 'test:\n  script: make test\n  rules:\n    - if: $CI_COMMIT_TAG\n      when: never\n    - when: on_success\n' },
        { code: 'deploy:\n  script: make deploy\n  when: delayed\n  start_in: 30 minutes\n  artifacts:\n    when: always\n    paths: [log/]\n' },
      ],
    },
  },
  check(ctx) {
    reportStructure(ctx, 'all', 'when');
  },
});
