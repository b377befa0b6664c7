import { didYouMean } from '../../../util/text.js';
import type { ProjectDoc } from '../../engine/project.js';
import { defineRule } from '../../engine/types.js';
import { ciBuilds } from '../support/builds.js';
import { dockerfileAt } from '../support/dockerfiles.js';

/** Build arguments BuildKit knows without an `ARG` (proxies, BuildKit settings, reproducible builds). */
const PREDEFINED = /^(HTTPS?_PROXY|FTP_PROXY|NO_PROXY|ALL_PROXY|https?_proxy|ftp_proxy|no_proxy|all_proxy|BUILDKIT_.+|SOURCE_DATE_EPOCH)$/;

export default defineRule<ProjectDoc>({
  meta: {
    id: 'project/unused-build-arg',
    kind: 'project',
    severity: 'warning',
    description: 'A CI job passes `--build-arg NAME=…` that the Dockerfile never declares with `ARG NAME`.',
    rationale:
      'The value is silently dropped (docker only prints "One or more build-args were not consumed" in a log nobody ' +
      'reads) and the build uses the ARG\'s default: a misspelled `PYTHON_VERSON` builds the wrong version without ' +
      'failing. Predefined arguments (proxies, `BUILDKIT_*`, `SOURCE_DATE_EPOCH`) are not reported.',
    howToFix: 'Correct the name to an ARG the Dockerfile declares, declare it with `ARG`, or drop the `--build-arg`.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        {
          filename: '.gitlab-ci.yml',
          code: 'build:\n  script:\n    - docker build --build-arg PYTHON_VERSON=3.13 -t app .\n',
          files: { Dockerfile: 'ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-slim\n' },
        },
        {
          filename: '.gitlab-ci.yml',
          code: 'build:\n  script:\n    - docker buildx build --build-arg=GIT_SHA=$CI_COMMIT_SHA -f docker/Dockerfile .\n',
          files: { 'docker/Dockerfile': 'FROM python:3.12-slim\nLABEL org.opencontainers.image.revision=unknown\n' },
        },
      ],
      good: [
        {
          filename: '.gitlab-ci.yml',
          code: 'build:\n  script:\n    - docker build --build-arg BUILDKIT_INLINE_CACHE=1 --build-arg GIT_SHA="$CI_COMMIT_SHA" --build-arg HTTP_PROXY .\n',
          files: { Dockerfile: 'FROM python:3.12-slim\nARG GIT_SHA\nLABEL org.opencontainers.image.revision=$GIT_SHA\n' },
        },
        {
          filename: '.gitlab-ci.yml',
          code: 'build:\n  script:\n    - docker build --build-arg "$ARGS" --build-arg VERSION=1 -f "$DOCKERFILE" .\n',
          files: { Dockerfile: 'FROM python:3.12-slim\n' },
          note: 'The Dockerfile is given by a variable: it cannot be told which one is built.',
        },
      ],
    },
  },
  check(ctx) {
    const project = ctx.doc;
    const reported = new Set<string>();
    for (const build of ciBuilds(project)) {
      if (!build.dockerfile || build.call.buildArgs.length === 0) continue;
      const df = dockerfileAt(project, build.dockerfile);
      if (!df) continue;
      const declared = new Set(df.doc.find('ARG', { triggers: true }).flatMap((a) => a.pairs.map((p) => p.name.value)));
      for (const word of build.call.buildArgs) {
        const name = /^([A-Za-z_][A-Za-z0-9_]*)(=|$)/.exec(word.value ?? word.raw.replace(/^["']/, ''))?.[1];
        if (name === undefined || declared.has(name) || PREDEFINED.test(name)) continue;
        const key = `${build.file.path}:${word.span.start}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const guess = name.length >= 4 ? didYouMean(name, declared) : undefined;
        ctx.report({
          message: `job \`${build.job}\` passes \`--build-arg ${name}\`, but ${build.dockerfile} declares no \`ARG ${name}\`, so the value is dropped${guess ? `; did you mean \`${guess}\`?` : ''}`,
          span: word.span,
          file: build.file,
        });
      }
    }
  },
});
