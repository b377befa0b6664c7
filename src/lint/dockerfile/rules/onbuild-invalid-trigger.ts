import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';

const WHY: Record<string, string> = {
  ONBUILD: 'ONBUILD cannot be chained',
  FROM: 'a trigger runs inside the child build, which cannot start another stage',
  MAINTAINER: 'Docker refuses MAINTAINER as a trigger (and MAINTAINER is deprecated)',
};

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/onbuild-invalid-trigger',
    kind: 'dockerfile',
    severity: 'error',
    description: 'ONBUILD wraps ONBUILD, FROM or MAINTAINER.',
    rationale:
      'Docker does not accept these instructions as ONBUILD triggers: the build of this image, or of every image ' +
      'built on it, fails. Reported as hadolint does (DL3043).',
    howToFix: 'Remove the ONBUILD (or the wrapped instruction); use `LABEL org.opencontainers.image.authors=…` instead of MAINTAINER.',
    fixable: false,
    aliases: ['DL3043'],
    examples: {
      bad: [
        { code: 'FROM python:3.12-slim\nONBUILD ONBUILD RUN echo hi\n' },
        { code: 'FROM python:3.12-slim\nONBUILD FROM alpine:3.20\n' },
        { code: 'FROM python:3.12-slim\nONBUILD MAINTAINER jane@example.com\n' },
      ],
      good: [
        { code: 'FROM python:3.12-slim\nONBUILD COPY requirements.txt /app/\nONBUILD RUN pip install --no-cache-dir -r /app/requirements.txt\n' },
        { code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.authors="jane@example.com"\n' },
      ],
    },
  },
  check(ctx) {
    for (const trigger of ctx.doc.triggers) {
      const why = WHY[trigger.keyword];
      if (!why) continue;
      ctx.report({ message: `\`ONBUILD ${trigger.keyword}\` is not allowed: ${why}`, span: trigger.keywordToken.span });
    }
  },
});
