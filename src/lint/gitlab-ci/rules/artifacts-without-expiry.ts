import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { pairOf } from '../yaml/nodes.js';
import { isPagesJob } from '../support/job-kind.js';
import { reportOnce } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/artifacts-without-expiry',
    kind: 'gitlab-ci',
    severity: 'info',
    description: '`artifacts:` with `paths:` (or `untracked: true`) but no `expire_in:`.',
    rationale:
      'Artifacts without `expire_in` are kept as long as the instance default says (30 days on GitLab.com, forever where an administrator set none), for every pipeline, and count against storage. Most artifacts are only read by later jobs of the same pipeline. Reports-only artifacts and GitLab Pages jobs are left alone; the latest artifacts of a branch are kept anyway by GitLab\'s "keep artifacts from the latest successful pipeline" setting.',
    howToFix: 'Say how long they are useful: `expire_in: 1 week` (or `1 day` for files only later jobs read; `never` when they must be kept).',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'build:\n  script: make dist\n  artifacts:\n    paths: [dist/]\n' },
        { code: 'test:\n  script: make test\n  artifacts:\n    untracked: true\n    when: on_failure\n' },
      ],
      good: [
        { code: 'build:\n  script: make dist\n  artifacts:\n    paths: [dist/]\n    expire_in: 1 week\n' },
        { code: 'test:\n  script: pytest --junitxml=report.xml\n  artifacts:\n    reports:\n      junit: report.xml\n' },
      ],
    },
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const job of ctx.doc.jobs) {
      const artifacts = job.artifacts;
      if (!artifacts || artifacts.expireIn || isPagesJob(job)) continue;
      const untracked = artifacts.untracked?.value === true;
      if (artifacts.paths.length === 0 && !untracked) continue;
      const where = pairOf(artifacts.node, artifacts.paths.length > 0 ? 'paths' : 'untracked')?.key ?? artifacts.node;
      report(
        where,
        `artifacts of job \`${job.name}\` have no \`expire_in:\`, so every pipeline's copy is kept as long as the instance default (30 days on GitLab.com, forever elsewhere); add \`expire_in:\` (e.g. \`expire_in: 1 week\`)`,
      );
    }
  },
});
