import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { at } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/invalid-yaml-construct',
    kind: 'gitlab-ci',
    severity: 'error',
    description: 'Valid YAML that GitLab cannot use: a `<<` merge key whose value is not a mapping, an alias inside its own anchor, documents after the configuration.',
    rationale: 'These read differently from what the author meant (a merge that merges nothing, a value that becomes null, a document that is ignored).',
    howToFix: 'Merge a mapping (`<<: *defaults`), break the self-reference, keep one configuration document (after an optional `spec:` header).',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: '.list: &list [a, b]\njob:\n  <<: *list\n  script: make\n' },
        { code: 'job:\n  script: make\n---\nother:\n  script: make\n' },
      ],
      good: [
        { code: '.defaults: &defaults\n  image: alpine:3.20\njob:\n  <<: *defaults\n  script: make\n' },
        { code: 'spec:\n  inputs:\n    stage:\n      default: test\n---\njob:\n  stage: $[[ inputs.stage ]]\n  script: make\n' },
      ],
    },
  },
  check(ctx) {
    for (const problem of ctx.doc.yamlProblems) ctx.report({ message: problem.message, ...at(ctx, problem) });
  },
});
