import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { reportStructure } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/missing-keyword',
    kind: 'gitlab-ci',
    severity: 'error',
    description: 'A mapping that lacks a keyword GitLab requires: an image without `name:`, a release without `tag_name:`, a secret without a provider.',
    rationale:
      'GitLab refuses such a pipeline. Required keywords are checked after `extends`, so a template may supply them; when a job extends something slipway cannot see, the check stays silent.',
    howToFix: 'Add the keyword the message names.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'build:\n  image:\n    entrypoint: [""]\n  script: make\n', note: 'image without name' },
        { code: 'release:\n  script: echo release\n  release:\n    description: First release\n', note: 'release without tag_name' },
      ],
      good: [
        { code: 'build:\n  image:\n    name: alpine:3.20\n    entrypoint: [""]\n  script: make\n' },
        { code: '.base:\n  image:\n    name: alpine:3.20\nbuild:\n  extends: .base\n  image:\n    entrypoint: [""]\n  script: make\n', note: 'the name comes from the template' },
      ],
    },
  },
  check(ctx) {
    reportStructure(ctx, ['missing-key'], undefined);
  },
});
