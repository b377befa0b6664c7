import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';

const TARGET = /^\$(TARGETPLATFORM|\{TARGETPLATFORM\})$/;

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/from-platform-redundant',
    kind: 'dockerfile',
    severity: 'warning',
    description: '`FROM --platform=$TARGETPLATFORM` says what FROM does anyway.',
    rationale:
      'A stage is built for the target platform unless told otherwise, so `--platform=$TARGETPLATFORM` changes ' +
      'nothing; it is usually a mix-up with `$BUILDPLATFORM`, which does change something (the stage runs natively ' +
      'and cross-compiles). BuildKit (RedundantTargetPlatform) and hadolint (DL3065) report it too.',
    howToFix: 'Remove the flag (`--fix` does it), or use `--platform=$BUILDPLATFORM` if the stage should run on the build machine.',
    fixable: true,
    aliases: ['DL3065'],
    examples: {
      bad: [
        { code: 'FROM --platform=$TARGETPLATFORM python:3.12-slim\n', output: 'FROM python:3.12-slim\n' },
        { code: 'FROM  --platform=${TARGETPLATFORM}  alpine:3.20 AS base\n', output: 'FROM  alpine:3.20 AS base\n' },
      ],
      good: [
        { code: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM alpine:3.20\n' },
        { code: 'FROM python:3.12-slim\n' },
      ],
    },
  },
  check(ctx) {
    const { text } = ctx.doc;
    for (const stage of ctx.doc.stages) {
      const flag = stage.from.platform;
      if (!flag?.value || !TARGET.test(flag.value)) continue;
      let end = flag.span.end;
      while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
      ctx.report({
        message: '`--platform=$TARGETPLATFORM` is the default for every stage; remove it (or use `$BUILDPLATFORM` to build on the build machine)',
        span: flag.span,
        fix: { range: [flag.span.start, end], text: '' },
      });
    }
  },
});
