import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/base-image-untagged',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'A FROM image has neither a tag nor a digest.',
    rationale:
      'An image without a tag means `:latest`, which moves whenever the image is republished: the same Dockerfile ' +
      'builds something else tomorrow, and a major upgrade of the base arrives unannounced. `scratch`, earlier ' +
      'stages and digests are fine. hadolint (DL3006) skips every image written with a variable; slipway substitutes ' +
      "the global ARGs' defaults first, so `ARG BASE=python` + `FROM $BASE` is reported at `$BASE`, while a variable " +
      'without a default (a value only known at build time) is not reported.',
    howToFix: 'Add a version tag (`FROM python:3.12-slim`), or a digest for full reproducibility (`FROM python:3.12-slim@sha256:…`).',
    fixable: false,
    aliases: ['DL3006'],
    examples: {
      bad: [
        { code: 'FROM ubuntu\nRUN echo hi\n' },
        { code: 'ARG BASE=python\nFROM ${BASE}\n', note: 'resolved through the ARG default' },
        { code: 'FROM registry.example.com:5000/team/app\n', note: 'the registry port is not a tag' },
      ],
      good: [
        { code: 'FROM ubuntu:24.04\n' },
        { code: 'FROM golang:1.23 AS build\nFROM build\n', note: 'an earlier stage' },
        { code: 'FROM scratch\n' },
        { code: 'FROM python@sha256:0000000000000000000000000000000000000000000000000000000000000000\n' },
        { code: 'ARG BASE\nFROM ${BASE}\n', note: 'only known at build time' },
      ],
    },
  },
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      const image = stage.image;
      if (!image || image.stage || image.isScratch || image.tag || image.digest) continue;
      if (!image.name.known || image.name.value === '') continue;
      const written = image.token.value;
      const via = image.usesVariables ? ` (\`${written}\` resolves to \`${image.resolved}\`)` : '';
      ctx.report({
        message: `\`${image.resolved}\` has no tag, so it means \`${image.resolved}:latest\` and changes when the image is republished${via}; pin a version tag or a digest`,
        span: image.name.span,
      });
    }
  },
});
