import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/instruction-before-from',
    kind: 'dockerfile',
    severity: 'error',
    description: 'An instruction other than ARG comes before the first FROM.',
    rationale:
      'Before the first FROM there is no stage to run an instruction in: only ARG (build arguments for the FROM ' +
      'lines), comments and parser directives may come first, and Docker refuses the file otherwise. Reported as ' +
      'hadolint does (DL3061), on every such instruction.',
    howToFix: 'Move the instruction after the FROM it belongs to; an ARG used by FROM stays before it.',
    fixable: false,
    aliases: ['DL3061'],
    examples: {
      bad: [
        { code: 'LABEL org.opencontainers.image.title="app"\nFROM python:3.12-slim\n' },
        { code: 'ARG PY=3.12\nENV PYTHONUNBUFFERED=1\nFROM python:${PY}-slim\n' },
      ],
      good: [
        { code: '# syntax=docker/dockerfile:1\nARG PY=3.12\nFROM python:${PY}-slim\nENV PYTHONUNBUFFERED=1\n' },
        { code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.title="app"\n' },
      ],
    },
  },
  check(ctx) {
    for (const ins of ctx.doc.instructions) {
      if (ins.keyword === 'FROM') break;
      if (ins.keyword === 'ARG') continue;
      ctx.report({
        message: `${ins.keyword} before the first FROM: only ARG may come before it; move this ${ins.keyword} into a stage`,
        span: ins.keywordToken.span,
      });
    }
  },
});
