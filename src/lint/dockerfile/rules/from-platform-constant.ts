import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/from-platform-constant',
    kind: 'dockerfile',
    severity: 'warning',
    description: '`FROM --platform=` is given a constant such as `linux/amd64`.',
    rationale:
      'A fixed platform pins the stage to one architecture: on an arm64 machine, or in a multi-platform build, it is ' +
      'emulated (slowly) or produces an image for the wrong platform. The platform belongs to `docker build ' +
      '--platform`; in the Dockerfile use the automatic `$BUILDPLATFORM` (build tools that cross-compile) or ' +
      '`$TARGETPLATFORM`. Like BuildKit (FromPlatformFlagConstDisallowed) and hadolint 2.14+ (DL3029), a value with ' +
      'a variable is accepted. When one stage really only exists for one platform, suppress the finding with a reason.',
    howToFix: 'Drop the flag, or use `--platform=$BUILDPLATFORM` for a stage that cross-compiles.',
    fixable: false,
    aliases: ['DL3029'],
    examples: {
      bad: [
        { code: 'FROM --platform=linux/amd64 python:3.12-slim\n' },
        { code: 'FROM --platform=linux/arm64 golang:1.23 AS build\nFROM alpine:3.20\n' },
      ],
      good: [
        { code: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app .\nFROM alpine:3.20\n' },
        { code: 'FROM python:3.12-slim\n' },
      ],
    },
  },
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      const flag = stage.from.platform;
      if (!flag?.value || !flag.valueSpan || flag.value.includes('$')) continue;
      ctx.report({
        message: `\`--platform=${flag.value}\` pins this stage to one platform; leave the platform to \`docker build --platform\`, or use \`$BUILDPLATFORM\` for a cross-compiling stage`,
        span: flag.valueSpan,
      });
    }
  },
});
