import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { reportStructure } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/invalid-parallel',
    kind: 'gitlab-ci',
    severity: 'error',
    description: '`parallel:` that is not a number from 1 to 200 or a `matrix:` list of variable mappings, or a matrix that creates more than 200 jobs.',
    rationale: 'GitLab refuses the pipeline. A quoted number, a matrix written as one mapping instead of a list of mappings, and large matrices are the usual mistakes.',
    howToFix: 'Write `parallel: N` (1 to 200) or `parallel: matrix:` with a list of mappings of variable names to values; split a matrix that creates too many jobs.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'test:\n  script: make test\n  parallel: "5"\n' },
        { code: 'test:\n  script: make test\n  parallel:\n    matrix:\n      PYTHON: ["3.11", "3.12"]\n', note: 'matrix must be a list' },
        { code: 'test:\n  script: make test\n  parallel: 500\n' },
      ],
      good: [
        { code: 'test:\n  script: make test\n  parallel: 5\n' },
        { code: 'test:\n  script: make test\n  parallel:\n    matrix:\n      - PYTHON: ["3.11", "3.12"]\n        OS: [linux, windows]\n' },
      ],
    },
  },
  check(ctx) {
    reportStructure(ctx, 'all', 'parallel');
  },
});
