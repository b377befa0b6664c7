import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { at } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/include-not-checked',
    kind: 'gitlab-ci',
    severity: 'info',
    description: 'An `include:` slipway does not read: `project`, `remote`, `template`, `component`, or a local path with a wildcard or variable.',
    rationale:
      'slipway lints offline and reads only files of the repository. Jobs, templates and stages from such includes are unknown, so checks that need them (unknown `extends`, `needs`, stages, missing `script`) stay silent for this file. This note says why.',
    howToFix: 'Nothing to fix. Disable the rule if the note is noise.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'include:\n  - template: Security/SAST.gitlab-ci.yml\n' },
        { code: 'include:\n  - project: my-group/ci\n    file: /templates/build.yml\n  - remote: https://example.com/ci.yml\n' },
      ],
      good: [
        { code: 'include:\n  - local: ci/build.yml\nbuild:\n  extends: .build\n', files: { 'ci/build.yml': '.build:\n  script: make\n' } },
        { code: 'test:\n  script: make test\n' },
      ],
    },
  },
  check(ctx) {
    for (const include of ctx.doc.includes) {
      if (include.status !== 'not-checked') continue;
      const what = include.kind === 'local' ? `the local include \`${String(include.target?.value ?? '')}\` (a wildcard or variable path)` : `\`include: ${include.kind}\``;
      ctx.report({
        message: `${what} is not read (slipway reads only files of this repository); jobs and templates defined there are not checked`,
        ...at(ctx, include.target ?? include.node),
      });
    }
  },
});
