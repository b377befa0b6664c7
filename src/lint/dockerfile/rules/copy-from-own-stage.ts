import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';
import { fromReferences, stageOfReference } from '../stage-refs.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/copy-from-own-stage',
    kind: 'dockerfile',
    severity: 'error',
    description: '`COPY --from` (or `RUN --mount=…,from=`) names the stage it is in.',
    rationale:
      'A stage cannot read its own result while it is being built: BuildKit fails with a circular dependency. ' +
      'hadolint (DL3023) reports `COPY --from=<own name>`; slipway also compares names without case (as BuildKit ' +
      "does), resolves the stage's index and ARG values, and checks `RUN --mount=…,from=`.",
    howToFix: 'Copy from the stage that produces the files (an earlier stage), or copy from the build context without `--from`.',
    fixable: false,
    aliases: ['DL3023'],
    examples: {
      bad: [
        { code: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nCOPY --from=build /app /usr/local/bin/app\n' },
        { code: 'FROM alpine:3.20\nFROM golang:1.23\nRUN --mount=type=bind,from=1,target=/src go build /src\n', note: 'by index, in a mount' },
      ],
      good: [
        { code: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /usr/local/bin/app\n' },
        { code: 'FROM golang:1.23 AS build\nCOPY --from=golang:1.23 /usr/local/go /opt/go\n', note: 'an image that shares the base name' },
      ],
    },
  },
  check(ctx) {
    for (const ref of fromReferences(ctx.doc)) {
      const current = ref.instruction.stage;
      if (ref.resolved === undefined || !current) continue;
      if (stageOfReference(ctx.doc, ref.resolved) !== current) continue;
      const what = ref.mount ? 'mounts' : 'copies';
      ctx.report({
        message: `this ${what} from its own stage \`${ref.resolved}\` (line ${current.from.startLine}), which is still being built; use an earlier stage`,
        span: ref.span,
      });
    }
  },
});
