import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { reportStructure } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/unknown-keyword',
    kind: 'gitlab-ci',
    severity: 'error',
    description: 'A keyword GitLab does not know: in a job, at the top level, or inside a keyword such as `artifacts` or `cache`.',
    rationale:
      'GitLab refuses the whole pipeline when a job has an unknown key, and a misspelled global keyword at the top level is silently read as a job. The message names the allowed keywords and the closest one, as actionlint does for workflows.',
    howToFix: 'Correct the spelling (the message suggests the closest keyword), or move the keyword to where it belongs (for example `stages:` at the top level, `stage:` in a job).',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'package:\n  scirpt:\n    - make package\n', note: 'a typo in a job keyword' },
        { code: 'varaibles:\n  GIT_DEPTH: "1"\nbuild:\n  script: make\n', note: 'a misspelled global keyword is read as a job' },
        { code: 'stage: build\nbuild:\n  script: make\n', note: 'a job keyword at the top level' },
        { code: 'test:\n  script: make test\n  artifacts:\n    reports:\n      junit: report.xml\n    expire: 1 week\n' },
      ],
      good: [
        { code: 'package:\n  script:\n    - make package\n' },
        { code: 'variables:\n  GIT_DEPTH: "1"\nbuild:\n  stage: build\n  script: make\n  artifacts:\n    expire_in: 1 week\n    paths: [dist/]\n' },
      ],
    },
  },
  check(ctx) {
    reportStructure(ctx, ['unknown-key'], undefined);
  },
});
