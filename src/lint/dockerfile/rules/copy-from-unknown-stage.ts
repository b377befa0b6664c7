import { defineRule } from '../../engine/types.js';
import { didYouMean } from '../../../util/text.js';
import type { DockerfileDoc } from '../model.js';
import { fromReferences, isImageReference, stageOfReference } from '../stage-refs.js';

/** A stage the value is probably a typo or a shortening of: close in spelling, or one of its words (`set` → `license-set`). */
function likelyStage(value: string, names: readonly string[]): string | undefined {
  const close = didYouMean(value, names);
  if (close) return close;
  const lower = value.toLowerCase();
  return names.find((n) => swapsToward(lower, n.toLowerCase())) ?? names.find((n) => n.toLowerCase().split(/[-_.]/).includes(lower));
}

/** True when swapping two neighbouring letters of `a` gives `b` (`biuld` → `build`). */
function swapsToward(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const i = [...a].findIndex((c, k) => c !== b[k]);
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/copy-from-unknown-stage',
    kind: 'dockerfile',
    severity: 'warning',
    description: '`COPY --from` (or `RUN --mount=…,from=`) names neither an earlier stage nor a tagged image.',
    rationale:
      'A `--from` value that is not a stage name is pulled as an image: a typo such as `--from=biulder` turns into ' +
      '`docker.io/library/biulder:latest` and fails late with "pull access denied", and an image without a tag or ' +
      'digest means `:latest`, which changes under you. A stage defined later in the file works with BuildKit but ' +
      'not with the classic builder, and reads backwards. Like hadolint (DL3022), anything with a `:` or `@` is ' +
      'taken for an image reference; unlike it, names are compared without case (as BuildKit does), numeric ' +
      'indexes of earlier stages and ARG/ENV values are resolved, variables without a value are not reported, ' +
      '`RUN --mount=…,from=` is checked too, and a bare name that is neither close to a stage name nor a well-known ' +
      'Docker Hub image is taken for a named build context (`docker buildx build --build-context name=…`) and not ' +
      'reported.',
    howToFix: 'Use the name of an earlier stage (`FROM … AS build`, then `COPY --from=build`), or give the image a tag: `COPY --from=nginx:1.27 …`.',
    fixable: false,
    aliases: ['DL3022'],
    examples: {
      bad: [
        { code: 'FROM golang:1.23 AS builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=biulder /app /app\n', note: 'a typo' },
        { code: 'FROM alpine:3.20\nCOPY --from=build /app /app\nFROM golang:1.23 AS build\n', note: 'defined later' },
        { code: 'FROM alpine:3.20\nCOPY --from=nginx /etc/nginx/nginx.conf /etc/nginx/\n', note: 'an image without a tag' },
        { code: 'FROM golang:1.23 AS license-set\nFROM scratch AS license-update\nCOPY --from=set /out /\n', note: 'a shortened stage name' },
      ],
      good: [
        { code: 'FROM golang:1.23 AS builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=builder /app /app\n' },
        { code: 'FROM golang:1.23\nFROM alpine:3.20\nCOPY --from=0 /go/bin /usr/local/bin\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n' },
        { code: 'FROM golang:1.23 AS build\nFROM alpine:3.20\nARG SRC=build\nCOPY --from=${SRC} /go/bin /usr/local/bin\n', note: 'resolved through the ARG' },
        { code: 'FROM alpine:3.20\nCOPY --from=plugin-src . /src\n', note: 'a named build context' },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    for (const ref of fromReferences(doc)) {
      const value = ref.resolved;
      const current = ref.instruction.stage;
      if (value === undefined || value === '' || !current) continue;
      const stage = stageOfReference(doc, value);
      if (stage) {
        if (stage.index < current.index) continue;
        if (stage === current) continue; // dockerfile/copy-from-own-stage
        const what = /^\d+$/.test(value) ? `stage ${value}` : `stage \`${value}\``;
        ctx.report({
          message: `${what} is defined later, on line ${stage.from.startLine}: only BuildKit builds it first; move that stage before this one`,
          span: ref.span,
        });
        continue;
      }
      if (/^\d+$/.test(value)) {
        ctx.report({ message: `there is no stage ${value} before this one (stages count from 0); use an earlier stage's index or name`, span: ref.span });
        continue;
      }
      if (value.includes(':') || value.includes('@')) continue;
      const names = doc.stages.filter((s) => s.name !== undefined && s.index < current.index).map((s) => s.name!);
      const guess = likelyStage(value, names);
      const via = value !== ref.written ? ` (\`${ref.written}\` resolves to \`${value}\`)` : '';
      if (guess) {
        ctx.report({
          message: `\`${value}\` is not a stage${via}, so it would be pulled as the image \`${value}:latest\`; did you mean the stage \`${guess}\`?`,
          span: ref.span,
        });
      } else if (isImageReference(value)) {
        ctx.report({
          message: `\`${value}\` is not a stage${via} but an image without a tag, so it means \`${value}:latest\`, which changes when the image is republished; pin a tag or digest (\`${value}:<version>\`)`,
          span: ref.span,
        });
      }
      // Any other bare name is taken for a named build context (`docker buildx build --build-context name=…`).
    }
  },
});
