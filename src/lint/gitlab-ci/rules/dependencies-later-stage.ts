import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { namedJob, stageIndex } from '../support/job-order.js';
import { reportOnce } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/dependencies-later-stage',
    kind: 'gitlab-ci',
    severity: 'error',
    description: 'A `dependencies:` entry naming a job of a later stage, or, in a job with `needs:`, a job missing from its `needs`.',
    rationale:
      'GitLab refuses both ("dependency X is not defined in current or prior stages"; "dependencies the X should be part of needs"): artifacts can only come from jobs that finished before the job starts. A same-stage dependency is reported by gitlab-ci/dependencies-same-stage. Jobs of unknown stages and files whose stages may come from an include slipway cannot read are left alone.',
    howToFix: 'Depend on jobs of earlier stages only, and list every dependency in `needs:` when the job has `needs:`.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'stages: [build, test]\ncompile:\n  stage: build\n  script: make\n  dependencies: [report]\nreport:\n  stage: test\n  script: make report\n' },
        {
          code: 'stages: [build, test]\ncompile:\n  stage: build\n  script: make\ndocs:\n  stage: build\n  script: make docs\nunit:\n  stage: test\n  script: make test\n  needs: [compile]\n  dependencies: [compile, docs]\n',
          note: 'with `needs:`, only the needed jobs can hand over artifacts',
        },
      ],
      good: [
        { code: 'stages: [build, test]\ncompile:\n  stage: build\n  script: make\nunit:\n  stage: test\n  script: make test\n  dependencies: [compile]\n' },
        { code: 'stages: [build, test]\ncompile:\n  stage: build\n  script: make\nunit:\n  stage: test\n  script: make test\n  needs: [compile]\n  dependencies: [compile]\n' },
      ],
    },
  },
  check(ctx) {
    const doc = ctx.doc;
    const report = reportOnce(ctx);
    for (const job of doc.jobs) {
      const needed = job.needs?.filter((n) => n.kind === 'job' && n.job).map((n) => String(n.job!.value));
      for (const dep of job.dependencies ?? []) {
        if (typeof dep.value !== 'string' || dep.value.includes('$')) continue;
        const other = namedJob(doc, dep.value);
        if (!other) continue;
        const mine = stageIndex(doc, job);
        const theirs = stageIndex(doc, other);
        if (mine !== undefined && theirs !== undefined && theirs > mine) {
          report(
            dep,
            `job \`${job.name}\` (stage \`${job.stage}\`) depends on \`${other.name}\`, which runs in the later stage \`${other.stage}\`; GitLab refuses this ("dependency ${other.name} is not defined in current or prior stages"): depend on jobs of earlier stages only`,
          );
        } else if (needed && needed.length > 0 && !needed.includes(dep.value)) {
          report(
            dep,
            `job \`${job.name}\` depends on \`${dep.value}\` but does not list it in \`needs:\`; GitLab refuses this ("dependencies the ${dep.value} should be part of needs"): add \`${dep.value}\` to \`needs:\` or remove the dependency`,
          );
        }
      }
    }
  },
});
