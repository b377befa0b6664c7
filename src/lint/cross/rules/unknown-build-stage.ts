import { didYouMean } from '../../../util/text.js';
import type { ProjectDoc } from '../../engine/project.js';
import { defineRule } from '../../engine/types.js';
import { ciBuilds } from '../support/builds.js';
import { dockerfileAt } from '../support/dockerfiles.js';

export default defineRule<ProjectDoc>({
  meta: {
    id: 'project/unknown-build-stage',
    kind: 'project',
    severity: 'error',
    description: 'A CI job builds `--target <stage>` for a stage the Dockerfile does not define.',
    rationale:
      'docker fails with "target stage … could not be found" — after the push, often in the job that builds the test ' +
      'or release image, once a stage was renamed. Stage names are compared as BuildKit compares them (case-insensitive). ' +
      'The Dockerfile is the one the job builds: `-f`, or the context\'s Dockerfile.',
    howToFix: 'Name a stage of the Dockerfile (`FROM … AS <name>`), or rename the stage back.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        {
          filename: '.gitlab-ci.yml',
          code: 'test-image:\n  script:\n    - docker build --target tests -t app:test .\n',
          files: { Dockerfile: 'FROM python:3.12-slim AS base\nFROM base AS test\nRUN pytest\nFROM base\n' },
        },
        {
          filename: '.gitlab-ci.yml',
          code: 'build:\n  script:\n    - /kaniko/executor --context "$CI_PROJECT_DIR" --dockerfile "$CI_PROJECT_DIR/docker/Dockerfile" --target=release --destination "$IMAGE"\n',
          files: { 'docker/Dockerfile': 'FROM python:3.12-slim AS build\nFROM python:3.12-slim AS runtime\n' },
        },
      ],
      good: [
        {
          filename: '.gitlab-ci.yml',
          code: 'test-image:\n  script:\n    - docker build --target TEST -t app:test .\n    - docker build --target "$STAGE" .\n',
          files: { Dockerfile: 'FROM python:3.12-slim AS base\nFROM base AS test\n' },
          note: 'Stage names are case-insensitive; a variable target is not checked.',
        },
        {
          filename: '.gitlab-ci.yml',
          code: 'build:\n  script:\n    - docker build -f Dockerfile.prod --target runtime .\n',
          files: { Dockerfile: 'FROM python:3.12-slim\n', 'Dockerfile.prod': 'FROM python:3.12 AS build\nFROM python:3.12-slim AS runtime\n' },
        },
      ],
    },
  },
  check(ctx) {
    const project = ctx.doc;
    const reported = new Set<string>();
    for (const build of ciBuilds(project)) {
      const target = build.call.target;
      const name = target?.value;
      if (!target || name === undefined || name === '' || !build.dockerfile) continue;
      const df = dockerfileAt(project, build.dockerfile);
      if (!df || df.doc.stageNamed(name)) continue;
      const key = `${build.file.path}:${target.span.start}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const stages = df.doc.stages.flatMap((s) => (s.name ? [s.name] : []));
      const guess = didYouMean(name, stages);
      const known = stages.length > 0 ? `its stages are ${stages.map((s) => `\`${s}\``).join(', ')}` : 'it has no named stage';
      ctx.report({
        message: `job \`${build.job}\` builds \`--target ${name}\`, but ${build.dockerfile} has no stage \`${name}\`${guess ? `; did you mean \`${guess}\`?` : ` (${known})`}`,
        span: target.span,
        file: build.file,
      });
    }
  },
});
