import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/onbuild-used',
    kind: 'dockerfile',
    severity: 'info',
    description: 'A stage uses ONBUILD to defer instructions to the images built FROM it.',
    rationale:
      'ONBUILD instructions do nothing in this build: they run later, at the start of every build that uses this ' +
      'image as its base, where they are invisible in that Dockerfile. The reader of the downstream Dockerfile cannot ' +
      'see that `FROM team/python-onbuild` copies the whole context and installs requirements, cannot reorder or ' +
      'change those steps, and gets surprises when the base image changes them. Docker deprecated the official ' +
      '`-onbuild` image variants for these reasons. A multi-stage build (the builder pattern) does the same work in ' +
      'plain sight: a build stage with the compilers and dependencies, and a small runtime stage that copies the ' +
      'result. Reported once per stage, at its first ONBUILD. (hadolint\'s DL3043 only forbids ONBUILD of ONBUILD, ' +
      'FROM and MAINTAINER.)',
    howToFix:
      'Move the ONBUILD steps into the Dockerfile of the application, without ONBUILD, as a builder pattern: ' +
      '`FROM python:3.13-slim AS build` + `COPY requirements.txt .` + `RUN pip wheel --wheel-dir /wheels -r ' +
      'requirements.txt`, then `FROM python:3.13-slim` + `COPY --from=build /wheels /wheels` + install + `COPY . .`. ' +
      'Keep the shared base image free of ONBUILD (tools and users only).',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'FROM python:3.13-slim\nWORKDIR /app\nONBUILD COPY requirements.txt .\nONBUILD RUN pip install --no-cache-dir -r requirements.txt\nONBUILD COPY . .\n', note: 'one finding for the stage' },
        { code: 'FROM golang:1.26\nONBUILD COPY . /src\nONBUILD RUN cd /src && go build -o /app .\n' },
      ],
      good: [
        { code: 'FROM python:3.13-slim AS build\nCOPY requirements.txt .\nRUN pip wheel --wheel-dir /wheels -r requirements.txt\nFROM python:3.13-slim\nCOPY --from=build /wheels /wheels\nRUN pip install --no-cache-dir /wheels/*\nCOPY . /app\n' },
        { code: 'FROM golang:1.26 AS build\nCOPY . /src\nRUN cd /src && go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n' },
      ],
    },
  },
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      const onbuilds = stage.find('ONBUILD');
      const first = onbuilds[0];
      if (!first) continue;
      const what = first.trigger ? `\`${first.trigger.keyword}${first.trigger.argsText ? ` ${first.trigger.argsText.length > 40 ? `${first.trigger.argsText.slice(0, 39)}…` : first.trigger.argsText}` : ''}\`` : 'instructions';
      const more = onbuilds.length > 1 ? ` and ${onbuilds.length - 1} more ONBUILD instruction${onbuilds.length > 2 ? 's' : ''}` : '';
      ctx.report({
        message: `ONBUILD defers ${what}${more} to every build FROM this image, where nobody reading that Dockerfile sees it; write the steps in the application's Dockerfile as a multi-stage build (builder pattern) instead`,
        span: first.keywordToken.span,
      });
    }
  },
});
