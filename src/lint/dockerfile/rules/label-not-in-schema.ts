import { defineRule } from '../../engine/types.js';
import { didYouMean } from '../../../util/text.js';
import { labelPairs, labelSchema } from '../labels.js';
import type { DockerfileDoc } from '../model.js';

const options = { labelSchema: { 'org.opencontainers.image.source': 'url', 'org.opencontainers.image.version': 'semver' }, strictLabels: true };

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/label-not-in-schema',
    kind: 'dockerfile',
    severity: 'info',
    description: 'A label is not in the label schema (with strict labels on).',
    rationale:
      'With `strictLabels: true` (hadolint: `strict-labels`) the schema lists every label an image may carry, so a ' +
      'label outside it is a typo (`org.opencontainers.image.sources`) or a label nobody agreed on. As in hadolint ' +
      '(DL3050); slipway also suggests the schema label it is closest to.',
    howToFix: 'Use a label of the schema, or add the label to `labelSchema`.',
    fixable: false,
    aliases: ['DL3050'],
    needsConfig: true,
    examples: {
      bad: [
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.sources="https://github.com/acme/app"\n', options, note: 'a typo' },
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.0.0" team="payments"\n', options },
      ],
      good: [
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/acme/app" org.opencontainers.image.version="1.0.0"\n', options },
        { code: 'FROM alpine:3.20\nLABEL team="payments"\n', options: { ...options, strictLabels: false }, note: 'strict labels off' },
      ],
    },
  },
  check(ctx) {
    const schema = labelSchema(ctx.options);
    if (!schema || ctx.options.strictLabels !== true) return;
    for (const { pair, key } of labelPairs(ctx.doc)) {
      if (key in schema) continue;
      const guess = didYouMean(key, Object.keys(schema));
      ctx.report({
        message: `label \`${key}\` is not in the label schema${guess ? `; did you mean \`${guess}\`?` : '; use a schema label or add it to labelSchema'}`,
        span: pair.name.span,
      });
    }
  },
});
