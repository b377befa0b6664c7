import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { reportStructure } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/invalid-type',
    kind: 'gitlab-ci',
    severity: 'error',
    description: 'A keyword whose value has the wrong type: a string where GitLab expects a list, a quoted `"true"` where it expects a boolean, an empty value.',
    rationale:
      'GitLab rejects the pipeline with a terse "config should be …" error. The message says what the value must be and what it is, at the value itself, and spots the usual YAML traps (a `: ` inside an unquoted script line makes a mapping).',
    howToFix: 'Write the value with the type the message asks for: a list (`- item` or `[a, b]`), an unquoted `true`/`false`, a mapping.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'test:\n  script: make test\n  cache:\n    paths: vendor/\n', note: 'paths must be a list' },
        { code: 'test:\n  script: make test\n  interruptible: "true"\n', note: 'a quoted boolean' },
        { code: 'test:\n  script:\n    - curl -H Content-Type: application/json https://example.com\n', note: 'an unquoted `: ` turns the line into a mapping' },
        { code: 'stages: build\n' },
      ],
      good: [
        { code: 'test:\n  script: make test\n  cache:\n    paths: [vendor/]\n  interruptible: true\n' },
        { code: 'stages: [build, test]\ntest:\n  stage: test\n  script:\n    - \'curl -H "Content-Type: application/json" https://example.com\'\n' },
      ],
    },
  },
  check(ctx) {
    reportStructure(ctx, ['type'], undefined);
  },
});
