import { defineRule } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { pairOf } from '../yaml/nodes.js';
import { reportOnce } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/cache-without-key',
    kind: 'gitlab-ci',
    severity: 'info',
    description: 'A `cache:` with `paths:` but no `key:`.',
    rationale:
      'Without `key:` the cache key is `default`: every job and every branch of the project that caches without a key reads and overwrites the same cache, so a job restores another job\'s files (another Python\'s packages, another branch\'s build output) and jobs evict each other\'s caches.',
    howToFix:
      'Give the cache a key that says what it holds: `key: {files: [package-lock.json]}` for dependencies, `key: $CI_JOB_NAME-$CI_COMMIT_REF_SLUG` for per-job build caches, or a `prefix:` per runtime version.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'test:\n  image: node:22\n  script: npm ci && npm test\n  cache:\n    paths: [.npm/]\n' },
        { code: 'default:\n  cache:\n    paths: [.cache/pip]\ntest:\n  script: pytest\n', note: 'reported once, at `default:`' },
      ],
      good: [
        { code: 'test:\n  image: node:22\n  script: npm ci && npm test\n  cache:\n    key:\n      files: [package-lock.json]\n    paths: [.npm/]\n' },
        { code: 'test:\n  script: pytest\n  cache:\n    key: pip-$CI_JOB_NAME\n    paths: [.cache/pip]\n' },
      ],
    },
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const job of ctx.doc.jobs) {
      for (const cache of job.cache) {
        if (cache.key || cache.paths.length === 0) continue;
        const where = pairOf(cache.node, 'paths')?.key ?? cache.node;
        const whose = job.origin('cache') === 'default' || job.origin('cache') === 'global' ? 'the default cache' : `the cache of job \`${job.name}\``;
        report(
          where,
          `${whose} has no \`key:\`, so its key is \`default\`: every job and branch caching without a key shares and overwrites it; set \`key:\` (e.g. \`key: {files: [<lock file>]}\` or \`key: $CI_JOB_NAME\`)`,
        );
      }
    }
  },
});
