import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';

const ROOT = /^\/+(\.\/*)?$/;

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/copy-from-root-to-root',
    kind: 'dockerfile',
    severity: 'warning',
    description: '`COPY --from=<stage> / /` copies a whole filesystem over the image.',
    rationale:
      "Copying `/` onto `/` brings every file of the other stage or image (its /etc/passwd, package database, " +
      'caches and build tools) over the base image, which defeats the multi-stage build and silently replaces ' +
      'system files. hadolint reports it (DL3067); slipway also accepts `/.` and `//` as the root.',
    howToFix: 'Copy only what the image needs: `COPY --from=build /app /app`. Build on the stage instead (`FROM build`) if you really want all of it.',
    fixable: false,
    aliases: ['DL3067'],
    examples: {
      bad: [
        { code: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build / /\n' },
        { code: 'FROM python:3.12-slim\nCOPY --from=busybox:1.36 /. /\n' },
      ],
      good: [
        { code: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n' },
        { code: 'FROM scratch\nCOPY / /\n', note: 'the build context, not another stage' },
      ],
    },
  },
  check(ctx) {
    for (const copy of ctx.doc.find('COPY')) {
      const from = copy.flag('from');
      if (!from?.value || !copy.destination || copy.sources.length === 0) continue;
      if (!ROOT.test(copy.destination.value) || !copy.sources.every((s) => ROOT.test(s.value))) continue;
      ctx.report({
        message: `this copies the whole filesystem of \`${from.value}\` over the image, system files included; copy only the directories the image needs`,
        span: { start: copy.sources[0]!.span.start, end: copy.destination.span.end },
      });
    }
  },
});
