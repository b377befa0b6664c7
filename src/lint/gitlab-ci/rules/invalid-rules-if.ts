import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { reportStructure } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/invalid-rules-if',
    kind: 'gitlab-ci',
    severity: 'error',
    description: 'A `rules:if` (or `only:variables`) expression GitLab cannot parse; the finding points at the bad token inside the expression.',
    rationale:
      'GitLab reports only "invalid expression syntax" and only when a pipeline is created. slipway parses the expression like GitLab does ($VARIABLES, quoted strings, /patterns/, null, ==, !=, =~, !~, &&, ||, parentheses) and explains the usual mistakes: unquoted strings, `=` for `==`, `!` negation, `${VAR}`.',
    howToFix: 'Quote string values, compare with `==`/`!=`, match with `=~`/`!~`, write variables as `$NAME`.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'test:\n  script: make test\n  rules:\n    - if: $CI_COMMIT_BRANCH == main\n', note: 'unquoted string' },
        { code: 'test:\n  script: make test\n  rules:\n    - if: $CI_COMMIT_BRANCH = "main"\n' },
        { code: 'workflow:\n  rules:\n    - if: \'!$CI_COMMIT_TAG\'\n' },
      ],
      good: [
        { code: 'test:\n  script: make test\n  rules:\n    - if: $CI_COMMIT_BRANCH == "main" && ($CI_PIPELINE_SOURCE == "push" || $FORCE)\n' },
        { code: 'workflow:\n  rules:\n    - if: $CI_COMMIT_TAG == null\n    - if: \'$CI_COMMIT_REF_NAME =~ /^release-\\d+$/\'\n' },
      ],
    },
  },
  check(ctx) {
    reportStructure(ctx, 'all', 'rules-if');
  },
});
