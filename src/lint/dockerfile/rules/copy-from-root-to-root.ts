import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';
import { rootImage } from '../queries.js';

const ROOT = /^\/+(\.\/*)?$/;

/** Images built FROM scratch to be copied whole (the cross-compilation helpers of Docker's own docs). */
const SCRATCH_IMAGES = /^(docker\.io\/)?tonistiigi\/xx([:@]|$)/;

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/copy-from-root-to-root',
    kind: 'dockerfile',
    severity: 'warning',
    description: '`COPY --from=<stage> / /` copies a whole filesystem over the image.',
    rationale:
      "Copying `/` onto `/` brings every file of the other stage or image (its /etc/passwd, package database, " +
      'caches and build tools) over the base image, which defeats the multi-stage build and silently replaces ' +
      'system files. hadolint reports it (DL3067); slipway also accepts `/.` and `//` as the root, and does not report ' +
      'a source that has no system files: a stage built `FROM scratch` (an export stage) or the `tonistiigi/xx` ' +
      'cross-compilation helper, which Docker\'s documentation copies with `COPY --from=xx / /`, nor a copy into a stage ' +
      'built `FROM scratch`, which flattens an image on purpose.',
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
        {
          code: 'FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.5.0 AS xx\nFROM golang:1.23 AS build\nCOPY --from=xx / /\nRUN go build -o /out/app .\nFROM scratch AS binaries\nCOPY --from=build /out /\nFROM alpine:3.20\nCOPY --from=binaries / /usr/local/bin/\nCOPY --from=binaries / /\n',
          note: 'sources without system files',
        },
        { code: 'FROM docker:27-dind AS upstream\nFROM scratch\nCOPY --from=upstream / /\n', note: 'flattening into an empty image' },
      ],
    },
  },
  check(ctx) {
    for (const copy of ctx.doc.find('COPY')) {
      const from = copy.flag('from');
      if (!from?.value || !copy.destination || copy.sources.length === 0) continue;
      if (!ROOT.test(copy.destination.value) || !copy.sources.every((s) => ROOT.test(s.value))) continue;
      // A stage built on scratch (an export stage) holds only what was copied into it.
      const source = copy.fromStage ? rootImage(copy.fromStage) : undefined;
      if (source && (source.isScratch || SCRATCH_IMAGES.test(source.resolved))) continue;
      if (!copy.fromStage && SCRATCH_IMAGES.test(from.value)) continue;
      // Into an empty image, it flattens the source on purpose (one layer, a clean config).
      const target = copy.stage ? rootImage(copy.stage) : undefined;
      if (target?.isScratch) continue;
      ctx.report({
        message: `this copies the whole filesystem of \`${from.value}\` over the image, system files included; copy only the directories the image needs`,
        span: { start: copy.sources[0]!.span.start, end: copy.destination.span.end },
      });
    }
  },
});
