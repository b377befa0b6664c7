import { suggest } from '../support/suggest.js';
import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { reportOnce } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/undefined-stage',
    kind: 'gitlab-ci',
    severity: 'error',
    description: 'A job whose `stage:` is not one of the pipeline stages (`stages:`, or GitLab\'s defaults .pre, build, test, deploy, .post).',
    rationale: 'GitLab refuses the pipeline ("chosen stage does not exist"). A typo in a template\'s stage is reported once, where it is written.',
    howToFix: 'Fix the stage name, or add the stage to `stages:`.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'stages: [build, test]\nunit:\n  stage: tset\n  script: make test\n' },
        { code: 'lint:\n  stage: lint\n  script: make lint\n', note: 'without `stages:` only the default stages exist' },
      ],
      good: [
        { code: 'stages: [lint, test]\nlint:\n  stage: lint\n  script: make lint\n' },
        { code: 'unit:\n  stage: test\n  script: make test\nsetup:\n  stage: .pre\n  script: make setup\n' },
      ],
    },
  },
  check(ctx) {
    const { stages } = ctx.doc;
    if (!stages.known) return;
    const report = reportOnce(ctx);
    for (const job of ctx.doc.jobs) {
      const node = job.stageNode;
      if (!node || typeof node.value !== 'string' || stages.names.includes(node.value)) continue;
      if (node.value.includes('$[[')) continue; // a component input, interpolated by GitLab
      const guess = suggest(node.value, stages.names);
      const list = stages.names.map((s) => `\`${s}\``).join(', ');
      const declared = stages.declared ? `\`stages:\` (${list})` : `GitLab's default stages (${list}), as \`stages:\` is not declared`;
      const fix = guess ? `; did you mean \`${guess}\`?` : `; add \`${node.value}\` to \`stages:\``;
      report(node, `stage \`${node.value}\` of job \`${job.name}\` is not one of ${declared}${fix}`);
    }
  },
});
