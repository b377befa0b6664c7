import { defineRule } from '../../engine/types.js';
import type { ShellCommand } from '../../shell/model.js';
import type { CiJob, GitlabCiDoc } from '../model/types.js';
import { jobLines, scriptOf } from '../shell-rule.js';
import { imageEvents } from '../support/docker.js';
import { reportOnce } from '../support/report.js';
import { jobVariable } from '../support/variables.js';
import { jobsThenTemplates } from '../support/visit.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/cache-from-not-pulled',
    kind: 'gitlab-ci',
    severity: 'warning',
    description: '`docker build --cache-from IMAGE` in a job that does not pull IMAGE first, with the classic builder: the build runs without its cache.',
    rationale:
      'The classic builder uses `--cache-from` images only when they are in the local image store, and a CI job starts with an empty Docker-in-Docker daemon: without `docker pull IMAGE` before the build, every layer is rebuilt and nothing says so. ' +
      'BuildKit instead fetches cache metadata from the registry when the image was pushed with an inline cache (`--build-arg BUILDKIT_INLINE_CACHE=1`), so the rule stays silent when BuildKit is evident: `docker buildx build`, `DOCKER_BUILDKIT=1` in the job\'s variables or script, `BUILDKIT_INLINE_CACHE=1` given to the build, or a `--cache-from type=registry,…` source. ' +
      'A pull anywhere earlier in the job counts, also `docker pull IMAGE || true` and `if docker pull IMAGE; then`.',
    howToFix: 'Pull the cache image first, tolerating its absence on the first run: `docker pull "$CI_REGISTRY_IMAGE:cache" || true`, then `docker build --cache-from "$CI_REGISTRY_IMAGE:cache" …`; or build with BuildKit and an inline or registry cache.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'build:\n  image: docker:20.10\n  services: [docker:20.10-dind]\n  script:\n    - docker build --cache-from $CI_REGISTRY_IMAGE:latest -t $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA .\n' },
        {
          code: 'variables:\n  DOCKER_BUILDKIT: "0"\nbuild:\n  image: docker:27.3\n  services: [docker:27.3-dind]\n  script:\n    - docker pull $CI_REGISTRY_IMAGE:base || true\n    - docker build --cache-from $CI_REGISTRY_IMAGE:base,$CI_REGISTRY_IMAGE:latest .\n',
          note: 'one of two cache images is pulled',
        },
      ],
      good: [
        { code: 'build:\n  image: docker:20.10\n  services: [docker:20.10-dind]\n  script:\n    - docker pull $CI_REGISTRY_IMAGE:latest || true\n    - docker build --cache-from $CI_REGISTRY_IMAGE:latest -t $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA .\n' },
        {
          code: 'build:\n  image: docker:27.3\n  services: [docker:27.3-dind]\n  script:\n    - docker buildx build --cache-from type=registry,ref=$CI_REGISTRY_IMAGE:cache --cache-to type=registry,ref=$CI_REGISTRY_IMAGE:cache,mode=max -t $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA --push .\n',
          note: 'BuildKit reads the cache from the registry',
        },
      ],
    },
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const { job, fresh } of jobsThenTemplates(ctx.doc)) {
      const events = imageEvents(ctx.doc, job);
      const pulled = new Set<string>();
      for (const event of events) {
        if (event.kind === 'pull') pulled.add(event.ref);
        if (event.kind !== 'build' || event.cacheFrom.length === 0 || !fresh(event.line.node)) continue;
        if (usesBuildKit(ctx.doc, job, event.cmd, event.buildx)) continue;
        for (const source of event.cacheFrom) {
          if (pulled.has(source.ref) || /^type=/.test(source.ref)) continue;
          report(
            { file: event.line.file, span: source.span },
            `\`--cache-from ${source.ref}\` uses only a local copy of the image with the classic builder, and job \`${job.name}\` does not pull it before the build, so every layer is rebuilt; add \`docker pull ${source.ref} || true\` before the build, or build with BuildKit and an inline cache (\`--build-arg BUILDKIT_INLINE_CACHE=1\`)`,
          );
        }
      }
    }
  },
});

/** Whether the build evidently runs with BuildKit, which reads `--cache-from` images from the registry. */
function usesBuildKit(doc: GitlabCiDoc, job: CiJob, cmd: ShellCommand, buildx: boolean): boolean {
  if (buildx) return true;
  const on = (value: string | undefined) => value !== undefined && /^(?:1|true)$/i.test(value.trim());
  if (cmd.assignments.some((a) => a.name === 'DOCKER_BUILDKIT' && on(a.value?.value))) return true;
  if (cmd.args.some((w, i) => /^BUILDKIT_INLINE_CACHE=(?:1|true)$/i.test(w.value ?? '') && /^--build-arg$/.test(cmd.args[i - 1]?.value ?? ''))) return true;
  if (cmd.args.some((w) => /^--build-arg=BUILDKIT_INLINE_CACHE=(?:1|true)$/i.test(w.value ?? ''))) return true;
  const variable = jobVariable(doc, job, 'DOCKER_BUILDKIT');
  if (variable && on(variable.text)) return true;
  // `export DOCKER_BUILDKIT=1` earlier in the job.
  for (const line of jobLines(job)) {
    for (const c of scriptOf(line).commands) {
      if (c === cmd) return false;
      if (c.kind === 'declaration' && c.assignments.some((a) => a.name === 'DOCKER_BUILDKIT' && on(a.value?.value))) return true;
    }
  }
  return false;
}
