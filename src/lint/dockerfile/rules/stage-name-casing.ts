import { defineRule, type Fix } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';
import { fromReferences } from '../stage-refs.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/stage-name-casing',
    kind: 'dockerfile',
    severity: 'style',
    description: 'A stage name has upper-case letters.',
    rationale:
      'BuildKit lower-cases stage names when it looks them up, so `AS Builder` is found by `--from=builder` and ' +
      '`--from=BUILDER` alike; writing names in lower case keeps every reference looking like the definition, and ' +
      'BuildKit warns otherwise (StageNameCasing). hadolint has no such rule.',
    howToFix: 'Write the stage name in lower case (`--fix` does it, with the FROM and `COPY --from` references written the same way).',
    fixable: true,
    aliases: [],
    examples: {
      bad: [
        {
          code: 'FROM golang:1.23 AS Builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=Builder /app /app\n',
          output: 'FROM golang:1.23 AS builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=builder /app /app\n',
        },
        {
          code: 'FROM node:22-slim AS BASE\nFROM BASE AS test\n',
          output: 'FROM node:22-slim AS base\nFROM base AS test\n',
          note: 'references by FROM are fixed too',
        },
      ],
      good: [
        { code: 'FROM golang:1.23 AS builder\nFROM alpine:3.20\nCOPY --from=builder /app /app\n' },
        { code: 'FROM golang:1.23 AS build-1_x\n' },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const refs = fromReferences(doc);
    for (const stage of doc.stages) {
      const alias = stage.from.alias;
      if (!alias || alias.value === alias.value.toLowerCase()) continue;
      const lower = alias.value.toLowerCase();
      const fixes: Fix[] = [];
      const written = doc.text.slice(alias.span.start, alias.span.end);
      if (written === alias.value) fixes.push({ range: [alias.span.start, alias.span.end], text: lower });
      for (const child of stage.children) {
        const image = child.from.image;
        if (image && doc.text.slice(image.token.span.start, image.token.span.end).toLowerCase() === lower) {
          fixes.push({ range: [image.token.span.start, image.token.span.end], text: lower });
        }
      }
      for (const ref of refs) {
        if (ref.mount || ref.resolved?.toLowerCase() !== lower) continue;
        if (doc.text.slice(ref.span.start, ref.span.end).toLowerCase() === lower) fixes.push({ range: [ref.span.start, ref.span.end], text: lower });
      }
      ctx.report({
        message: `stage name \`${alias.value}\` should be lower case (\`${lower}\`): BuildKit compares stage names in lower case`,
        span: alias.span,
        ...(written === alias.value ? { fix: fixes.filter((f) => doc.text.slice(f.range[0], f.range[1]) !== f.text) } : {}),
      });
    }
  },
});
