import { defineRule } from '../../engine/types.js';
import type { CiImage, CiJob, GitlabCiDoc } from '../model/types.js';
import { ciImageRef, imageBaseName, unpinnedReason } from '../support/images.js';
import { reportOnce } from '../support/report.js';
import { jobsThenTemplates } from '../support/visit.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/image-unpinned',
    kind: 'gitlab-ci',
    severity: 'warning',
    description: 'An `image:` or `services:` image without a tag, or with a moving tag (`latest`, `stable`, `edge`, `lts`, …), so each run may get a different image.',
    rationale:
      'A job\'s image is pulled when the job starts: without a tag it is `latest`, and `latest`, `stable`, `edge` or `lts` move with every release of the image, so a pipeline that passed yesterday can fail today with no change in the repository, and two jobs of one pipeline can run different images. ' +
      'A version tag (`python:3.12-slim`) changes only when the repository changes; a digest (`@sha256:…`) never does. ' +
      'Images named by a variable are judged with the value the file gives the variable (job, then global `variables:`); a variable the file does not define (a CI/CD setting, a predefined variable) is not judged. ' +
      'The `docker` image\'s version-less tags (`cli`, `dind`) move too. A `docker` service (Docker-in-Docker) is reported by gitlab-ci/dind-version instead, which also compares it with the client.',
    howToFix: 'Give the image a version tag (`node:20.11-bookworm-slim`, `postgres:16.2`), or a digest for a fully reproducible job, and update it on purpose (Renovate and Dependabot update both).',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'test:\n  image: python\n  script: pytest\n' },
        { code: 'test:\n  image: node:lts-alpine\n  services:\n    - postgres:latest\n  script: npm test\n', note: 'a moving tag, in image and services' },
        { code: 'variables:\n  IMAGE: ruby:latest\ntest:\n  image: $IMAGE\n  script: rake\n', note: 'through a variable the file defines' },
      ],
      good: [
        { code: 'test:\n  image: python:3.12-slim\n  services:\n    - name: postgres:16.2\n      alias: db\n  script: pytest\n' },
        { code: 'test:\n  image: python@sha256:0e3f6bd1e3ac3a1e7c8e1ad8bcbca4c1c3c0f5e9d8e5f5c7c4e1b2a3d4c5b6a7\n  script: pytest\n', note: 'a digest' },
        { code: 'test:\n  image: $CI_REGISTRY_IMAGE/ci:$CI_COMMIT_SHA\n  script: pytest\n', note: 'variables the file does not define are not judged' },
      ],
    },
  },
  check(ctx) {
    const report = reportOnce(ctx);
    const check = (job: CiJob, image: CiImage, what: 'image' | 'service') => {
      const name = image.name;
      const ref = ciImageRef(ctx.doc, job, image);
      if (!name || !ref) return;
      if (what === 'service' && imageBaseName(ref) === 'docker') return; // gitlab-ci/dind-version
      const reason = unpinnedReason(ref);
      if (!reason) return;
      const written = ref.text;
      const resolved = ref.expanded.usesVariables ? ` (\`${ref.expanded.value}\` with the variables of this file)` : '';
      const where =
        image.origin === 'default' ? 'in `default:`' : image.origin === 'global' ? `in the global \`${what === 'image' ? 'image' : 'services'}:\`` : `of job \`${job.name}\``;
      const problem =
        reason === 'no tag'
          ? `has no tag, so it is \`latest\` when the job starts`
          : `uses ${reason}, which points at another image after each release`;
      const repo = ref.repository.known && (!ref.registry || ref.registry.known) ? `${ref.registry ? `${ref.registry.value}/` : ''}${ref.repository.value}` : (imageBaseName(ref) ?? 'image');
      report(name, `${what} \`${written}\`${resolved} ${where} ${problem}; pin a version tag (\`${repo}:<version>\`) or a digest`);
    };
    for (const { job, fresh } of jobsThenTemplates(ctx.doc)) {
      if (job.image && fresh(job.image.node)) check(job, job.image, 'image');
      for (const service of job.services) if (fresh(service.node)) check(job, service, 'service');
    }
  },
});
