import { defineRule } from '../../engine/types.js';
import { labelPairs, labelSchema } from '../labels.js';
import type { DockerfileDoc } from '../model.js';

const options = { labelSchema: { 'org.opencontainers.image.version': 'semver', 'org.opencontainers.image.title': 'text' } };

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/label-empty',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'A label that the label schema requires is set to an empty value.',
    rationale:
      'An empty value satisfies "the label is present" while carrying nothing, usually because a build argument was ' +
      'not passed. Runs only with a label schema (`labelSchema`, or `label-schema` in .hadolint.yaml), as hadolint ' +
      "(DL3051) does; slipway substitutes ARG/ENV values first, so `LABEL version=$VERSION` with `ARG VERSION=` is " +
      'empty, while a build argument without a default is not judged.',
    howToFix: 'Give the label its value, or a default to the build argument that fills it: `ARG VERSION=0.0.0`.',
    fixable: false,
    aliases: ['DL3051'],
    needsConfig: true,
    examples: {
      bad: [
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title=""\n', options },
        { code: 'FROM alpine:3.20\nARG VERSION=\nLABEL org.opencontainers.image.version=$VERSION\n', options, note: 'empty through the ARG' },
      ],
      good: [
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title="app" org.opencontainers.image.version="1.0.0"\n', options },
        { code: 'FROM alpine:3.20\nARG VERSION\nLABEL org.opencontainers.image.version=$VERSION com.example.note=""\n', options, note: 'only known at build time; not in the schema' },
      ],
    },
  },
  check(ctx) {
    const schema = labelSchema(ctx.options);
    if (!schema) return;
    for (const { pair, key, value } of labelPairs(ctx.doc)) {
      if (!(key in schema) || value !== '') continue;
      const via = pair.value && pair.value.value !== '' ? ` (\`${pair.value.value}\` is empty)` : '';
      ctx.report({ message: `label \`${key}\` is in the label schema but empty${via}; give it a value`, span: pair.value && pair.value.span.end > pair.value.span.start ? pair.value.span : pair.name.span });
    }
  },
});
