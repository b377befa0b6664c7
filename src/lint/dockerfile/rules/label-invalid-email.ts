import { defineRule } from '../../engine/types.js';
import { checkLabelType } from '../labels.js';
import type { DockerfileDoc } from '../model.js';

const options = { labelSchema: { 'org.opencontainers.image.authors': 'email' } };

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/label-invalid-email',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'A label the label schema types `email` is not an e-mail address.',
    rationale:
      'Label values are read by registries, scanners and deployment tools, which trust them; a value of the wrong shape ' +
      'misleads them. Runs only with a label schema (`labelSchema` in slipway.yaml, or `label-schema` in .hadolint.yaml). ' +
      'Values are checked after ARG/ENV substitution (hadolint checks the text as written, so it reports `$VERSION`); ' +
      'a value only known at build time is not judged, and an empty one is left to dockerfile/label-empty. ' +
      'Like hadolint, a plain address is required (`Name <address>` is not one).',
    howToFix: 'Write the address alone: `team@example.com`.',
    fixable: false,
    aliases: ['DL3058'],
    needsConfig: true,
    examples: {
      bad: [
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n', options },
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="jane at example.com"\n', options },
      ],
      good: [
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="jane@example.com"\n', options },
        { code: 'FROM alpine:3.20\nARG VALUE\nLABEL org.opencontainers.image.authors=$VALUE\n', options, note: 'only known at build time' },
      ],
    },
  },
  check(ctx) {
    checkLabelType(ctx, 'email', 'an e-mail address');
  },
});
