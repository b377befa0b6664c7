import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { at } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/missing-include',
    kind: 'gitlab-ci',
    severity: 'error',
    description: '`include: local` naming a file that does not exist in the repository.',
    rationale: 'GitLab refuses the pipeline ("Local file … does not exist!"). Local paths are relative to the repository root, also in nested includes.',
    howToFix: 'Fix the path (relative to the repository root) or add the file.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'include:\n  - local: ci/biuld.yml\n', files: { 'ci/build.yml': 'build:\n  script: make\n' } },
        { code: 'include: ci/missing.yml\n' },
      ],
      good: [
        { code: 'include:\n  - local: ci/build.yml\n', files: { 'ci/build.yml': 'build:\n  script: make\n' } },
        { code: 'include: /ci/build.yml\n', files: { 'ci/build.yml': 'build:\n  script: make\n' } },
      ],
    },
  },
  check(ctx) {
    for (const include of ctx.doc.includes) {
      if (include.status !== 'missing' || !include.target) continue;
      ctx.report({
        message: `\`include: local\` names \`${String(include.target.value)}\`, which does not exist in the repository (local paths are relative to the repository root)`,
        ...at(ctx, include.target),
      });
    }
  },
});
