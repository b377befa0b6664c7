import { defineRule } from '../../engine/types.js';
import { misreadTopLevelKeys } from '../keywords/structure.js';
import type { GitlabCiDoc } from '../model/types.js';
import { at } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/missing-script',
    kind: 'gitlab-ci',
    severity: 'error',
    description: 'A job without `script:` (and without `trigger:` or `run:`), after `extends` is applied.',
    rationale:
      'GitLab refuses a pipeline with a job that has nothing to run. slipway checks the job after merging its templates, and stays silent when a template or an include it cannot read may supply the script.',
    howToFix: 'Add `script:`, extend a template that has one, or make the key a hidden job (`.name`) if it is a template.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'build:\n  stage: build\n  image: golang:1.23\n' },
        { code: '.base:\n  image: golang:1.23\nbuild:\n  extends: .base\n  stage: build\n', note: 'the template has no script either' },
      ],
      good: [
        { code: 'build:\n  stage: build\n  script: go build ./...\n' },
        { code: '.base:\n  script: go build ./...\nbuild:\n  extends: .base\ndownstream:\n  trigger: my-group/deployer\n' },
      ],
    },
  },
  check(ctx) {
    const doc = ctx.doc;
    if (!doc.complete) return;
    const misread = misreadTopLevelKeys(doc);
    for (const job of doc.jobs) {
      if (job.incomplete || misread.has(job.name)) continue;
      if (job.has('script') || job.has('trigger') || job.has('run')) continue;
      const templates = job.ancestors.length > 0 ? ` (nor do the templates it extends: ${job.ancestors.map((a) => `\`${a}\``).join(', ')})` : '';
      ctx.report({
        message: `job \`${job.name}\` has no \`script:\`${templates}; GitLab refuses a job with nothing to run: add \`script:\` (or \`trigger:\`), or rename it \`.${job.name}\` if it is a template`,
        ...at(ctx, job.key),
      });
    }
  },
});
