import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { reportStructure } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/invalid-needs',
    kind: 'gitlab-ci',
    severity: 'error',
    description: 'A `needs:` entry of the wrong shape: not a job name or a mapping with `job:`, a cross-project need without `ref:`, `parallel:` without `matrix:`, more than 50 needs.',
    rationale: 'GitLab refuses the pipeline; the forms are a job name, `{job, artifacts, optional, parallel: {matrix}}`, `{pipeline, job}` and `{project, job, ref}`.',
    howToFix: 'Write each need as a job name or one of the mapping forms the message names.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'build:\n  script: make\ntest:\n  script: make test\n  needs:\n    - jobs: build\n' },
        { code: 'build:\n  script: make\ntest:\n  script: make test\n  needs:\n    - job: build\n      parallel: 2\n' },
        { code: 'test:\n  script: make test\n  needs:\n    - project: my-group/tools\n      job: build\n' },
      ],
      good: [
        { code: 'build:\n  script: make\ntest:\n  script: make test\n  needs:\n    - build\n    - job: build\n      artifacts: false\n' },
        { code: 'test:\n  script: make test\n  needs:\n    - project: my-group/tools\n      job: build\n      ref: main\n' },
      ],
    },
  },
  check(ctx) {
    reportStructure(ctx, 'all', 'needs');
  },
});
