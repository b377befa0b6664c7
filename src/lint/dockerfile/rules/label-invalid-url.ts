import { defineRule } from '../../engine/types.js';
import { checkLabelType } from '../labels.js';
import type { DockerfileDoc } from '../model.js';

const options = { labelSchema: { 'org.opencontainers.image.source': 'url' } };

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/label-invalid-url',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'A label the label schema types `url` is not an absolute URL.',
    rationale:
      'Label values are read by registries, scanners and deployment tools, which trust them; a value of the wrong shape ' +
      'misleads them. Runs only with a label schema (`labelSchema` in slipway.yaml, or `label-schema` in .hadolint.yaml). ' +
      'Values are checked after ARG/ENV substitution (hadolint checks the text as written, so it reports `$VERSION`); ' +
      'a value only known at build time is not judged, and an empty one is left to dockerfile/label-empty. ' +
      'Like hadolint, an absolute URI with a scheme is required.',
    howToFix: 'Write the full URL, scheme included: `https://github.com/acme/app`.',
    fixable: false,
    aliases: ['DL3052'],
    needsConfig: true,
    examples: {
      bad: [
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="github.com/acme/app"\n', options },
        { code: 'FROM alpine:3.20\nARG REPO=github.com/acme/app\nLABEL org.opencontainers.image.source="${REPO}"\n', options, note: 'resolved through the ARG' },
      ],
      good: [
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/acme/app"\n', options },
        { code: 'FROM alpine:3.20\nARG VALUE\nLABEL org.opencontainers.image.source=$VALUE\n', options, note: 'only known at build time' },
      ],
    },
  },
  check(ctx) {
    checkLabelType(ctx, 'url', 'an absolute URL');
  },
});
