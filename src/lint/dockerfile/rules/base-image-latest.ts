import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/base-image-latest',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'A FROM image uses the `latest` tag.',
    rationale:
      '`latest` is not a version: it moves whenever the image is republished, so two builds of the same Dockerfile ' +
      'get different bases and a breaking upgrade arrives without a change in the repository. A digest next to it ' +
      '(`:latest@sha256:…`) pins it and is fine. Like Trivy and unlike hadolint (DL3007), slipway substitutes the ' +
      "global ARGs' defaults, so `ARG TAG=latest` + `FROM node:${TAG}` is reported at `${TAG}`.",
    howToFix: 'Replace `latest` with the version you test with (`node:22-slim`), or add its digest.',
    fixable: false,
    aliases: ['DL3007'],
    examples: {
      bad: [
        { code: 'FROM node:latest\n' },
        { code: 'ARG TAG=latest\nFROM node:${TAG}\n', note: 'resolved through the ARG default' },
      ],
      good: [
        { code: 'FROM node:22-slim\n' },
        { code: 'FROM node:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000\n', note: 'the digest pins it' },
        { code: 'ARG TAG\nFROM node:${TAG}\n', note: 'only known at build time' },
      ],
    },
  },
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      const image = stage.image;
      const tag = image?.tag;
      if (!image || !tag || !tag.known || tag.value !== 'latest' || image.digest) continue;
      const via = image.usesVariables ? ` (\`${image.token.value}\` resolves to \`${image.resolved}\`)` : '';
      ctx.report({
        message: `\`${image.resolved}\` uses the \`latest\` tag, which changes whenever the image is republished${via}; pin a version tag or a digest`,
        span: tag.span,
      });
    }
  },
});
