import { defineRule, type SourceFile, type Span } from '../../engine/types.js';
import type { GitlabCiDoc } from '../model/types.js';
import { imageEvents } from '../support/docker.js';
import { plainImageRef } from '../support/images.js';
import { reportOnce } from '../support/report.js';
import { jobsThenTemplates } from '../support/visit.js';

/** Predefined variables that hold a repository path without a tag. */
const TAGLESS = /^\$(?:CI_REGISTRY_IMAGE|CI_PROJECT_PATH|CI_PROJECT_NAME|CI_PROJECT_NAMESPACE|CI_REGISTRY|CI_PROJECT_PATH_SLUG|CI_DEPENDENCY_PROXY_[A-Z_]*PREFIX|CI_TEMPLATE_REGISTRY_HOST)$/;

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/pushed-image-fixed-tag',
    kind: 'gitlab-ci',
    severity: 'warning',
    description: 'A job that builds an image and pushes it under a fixed tag (`latest`, `dev`, no tag at all) instead of a tag of the commit.',
    rationale:
      'Every pipeline runs the same job: two pipelines building at once (two merges, a merge and a retry) push the same tag, and the image under it is whichever finished last — not necessarily the newer commit, and not the one the pipeline tested. Deployments that pull the tag then run untested or older code, and nobody can tell which commit an image holds. ' +
      'Tags from the commit (`$CI_COMMIT_SHA`, `$CI_COMMIT_SHORT_SHA`, `$CI_COMMIT_TAG`) are unique; a branch tag (`$CI_COMMIT_REF_SLUG`) is not fixed and is not reported. Moving `latest` on purpose is fine in a release job that pulls the tested commit tag and pushes it again under `latest` (a promotion, not a build). ' +
      'Tags that the job also uses as `--cache-from` are build caches, where the last writer winning does no harm, and are not reported. Variables are expanded with the file\'s `variables:`; a tag from a variable the file does not define is not judged.',
    howToFix:
      'Tag and push the build with the commit: `docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA" .` and `docker push "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA"`. Move `latest` in a later release job: `docker pull "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA"`, `docker tag … "$CI_REGISTRY_IMAGE:latest"`, `docker push "$CI_REGISTRY_IMAGE:latest"`.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        {
          code: 'build:\n  image: docker:27.3\n  services: [docker:27.3-dind]\n  script:\n    - docker build -t $CI_REGISTRY_IMAGE:latest .\n    - docker push $CI_REGISTRY_IMAGE:latest\n',
        },
        {
          code: 'build:\n  image: docker:27.3\n  services: [docker:27.3-dind]\n  script:\n    - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA" .\n    - docker push "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA"\n    - docker tag "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA" "$CI_REGISTRY_IMAGE"\n    - docker push "$CI_REGISTRY_IMAGE"\n',
          note: 'the build is also pushed without a tag, that is as `latest`',
        },
        {
          code: 'build:\n  image:\n    name: gcr.io/kaniko-project/executor:v1.23.2-debug\n    entrypoint: [""]\n  script:\n    - /kaniko/executor --context . --destination $CI_REGISTRY_IMAGE:dev\n',
          note: 'kaniko builds and pushes in one step',
        },
      ],
      good: [
        {
          code: 'build:\n  image: docker:27.3\n  services: [docker:27.3-dind]\n  script:\n    - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA" .\n    - docker push "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA"\n',
        },
        {
          code: 'release:\n  image: docker:27.3\n  services: [docker:27.3-dind]\n  script:\n    - docker pull "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA"\n    - docker tag "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA" "$CI_REGISTRY_IMAGE:latest"\n    - docker push "$CI_REGISTRY_IMAGE:latest"\n',
          note: 'promotion of a tested image',
        },
      ],
    },
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const { job, fresh } of jobsThenTemplates(ctx.doc)) {
      const events = imageEvents(ctx.doc, job);
      const caches = new Set(events.flatMap((e) => (e.kind === 'build' ? e.cacheFrom.map((c) => c.ref) : [])));
      const built = new Set<string>();
      const flag = (ref: string, where: { file: SourceFile; span: Span }, how: string) => {
        const tag = fixedTag(ref);
        if (!tag || caches.has(ref)) return;
        const tagText = tag === 'latest' && !/:[^/:]*$/.test(ref) ? 'no tag, that is `latest`' : `the fixed tag \`${tag}\``;
        report(
          where,
          `job \`${job.name}\` ${how} \`${ref}\` with ${tagText}: pipelines running at the same time overwrite each other's image, and the tag holds whichever finished last; push a tag of the commit (\`$CI_COMMIT_SHA\`, \`$CI_COMMIT_TAG\`) and move \`${tag}\` in a release job that pulls that tested image`,
        );
      };
      for (const event of events) {
        const judged = fresh(event.line.node);
        if (event.kind === 'build') {
          for (const t of event.tags) {
            built.add(t.ref);
            if (event.push && judged) flag(t.ref, { file: event.line.file, span: t.word.span }, 'builds and pushes');
          }
        } else if (event.kind === 'tag') {
          if (built.has(event.from)) built.add(event.to);
        } else if (event.kind === 'push' && !event.allTags && built.has(event.source) && judged) {
          flag(event.ref, { file: event.line.file, span: event.word.span }, 'pushes the image it builds as');
        }
      }
    }
  },
});

/** The tag when it is fixed (a literal, or none: `latest`); undefined when it comes from a variable. */
function fixedTag(ref: string): string | undefined {
  const parsed = plainImageRef(ref);
  if (parsed.digest) return undefined;
  if (parsed.tag) return parsed.tag.known ? parsed.tag.value : undefined;
  // No tag: `latest`, when the repository is written or is a predefined variable without a tag.
  const unknown = parsed.expanded.pieces.filter((p) => !p.known);
  return unknown.every((p) => TAGLESS.test(p.text.replace(/^\$\{(\w+)\}$/, '$$$1'))) ? 'latest' : undefined;
}
