import { defineRule } from '../../engine/types.js';
import { labelSchema } from '../labels.js';
import type { DockerfileDoc, Stage } from '../model.js';

const options = { labelSchema: { 'org.opencontainers.image.source': 'url', 'org.opencontainers.image.version': 'semver' } };

/** Labels a stage's image carries: its own and those of the stages it is built on. */
function labelsOf(stage: Stage): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<Stage>();
  for (let s: Stage | undefined = stage; s && !seen.has(s); s = s.base) {
    seen.add(s);
    for (const label of s.find('LABEL')) for (const p of label.pairs) keys.add(p.name.value);
  }
  return keys;
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/label-missing',
    kind: 'dockerfile',
    severity: 'info',
    description: 'An image the Dockerfile builds lacks a label the label schema requires.',
    rationale:
      'A label schema (`labelSchema`, or `label-schema` in .hadolint.yaml) lists the labels every image must carry, ' +
      'such as its source repository and version. Like hadolint (DL3049), labels are inherited through ' +
      '`FROM <stage>` and stages that are only copied from are not images; slipway also skips stages that other ' +
      'stages are built on (their labels reach the image through them) and checks every other stage, since any can ' +
      'be built with `--target`. hadolint reports builder stages that only feed `FROM`.',
    howToFix: 'Add the label to the final stage: `LABEL org.opencontainers.image.source="https://…"`.',
    fixable: false,
    aliases: ['DL3049'],
    needsConfig: true,
    examples: {
      bad: [
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.0.0"\n', options },
        { code: 'FROM alpine:3.20 AS base\nLABEL org.opencontainers.image.version="1.0.0"\nFROM base\nCMD ["sh"]\n', options, note: 'one label inherited, one missing' },
      ],
      good: [
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/acme/app" org.opencontainers.image.version="1.0.0"\n', options },
        {
          code: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/acme/app" \\\n      org.opencontainers.image.version="1.0.0"\nCOPY --from=build /app /app\n',
          options,
          note: 'a stage only copied from is not an image',
        },
      ],
    },
  },
  check(ctx) {
    const schema = labelSchema(ctx.options);
    if (!schema) return;
    for (const stage of ctx.doc.stages) {
      if (!stage.isLast && (stage.children.length > 0 || stage.copiedBy.length > 0)) continue;
      const has = labelsOf(stage);
      const missing = Object.keys(schema).filter((k) => !has.has(k));
      if (missing.length === 0) continue;
      const from = stage.from;
      ctx.report({
        message: `the image of this stage lacks the label${missing.length > 1 ? 's' : ''} ${missing.map((k) => `\`${k}\``).join(', ')} required by the label schema; add ${missing.length > 1 ? 'them' : 'it'} with LABEL`,
        span: { start: from.keywordToken.span.start, end: (from.image?.token.span ?? from.keywordToken.span).end },
      });
    }
  },
});
