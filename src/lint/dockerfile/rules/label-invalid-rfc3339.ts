import { defineRule } from '../../engine/types.js';
import { checkLabelType } from '../labels.js';
import type { DockerfileDoc } from '../model.js';

const options = { labelSchema: { 'org.opencontainers.image.created': 'rfc3339' } };

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/label-invalid-rfc3339',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'A label the label schema types `rfc3339` is not an RFC 3339 date and time.',
    rationale:
      'Label values are read by registries, scanners and deployment tools, which trust them; a value of the wrong shape ' +
      'misleads them. Runs only with a label schema (`labelSchema` in slipway.yaml, or `label-schema` in .hadolint.yaml). ' +
      'Values are checked after ARG/ENV substitution (hadolint checks the text as written, so it reports `$VERSION`); ' +
      'a value only known at build time is not judged, and an empty one is left to dockerfile/label-empty. ' +
      'As in hadolint, a full date-time with a time zone is required (`2024-05-01T12:00:00Z`).',
    howToFix: 'Write the date as RFC 3339, e.g. `2024-05-01T12:00:00Z` (`date -u +%Y-%m-%dT%H:%M:%SZ`).',
    fixable: false,
    aliases: ['DL3053'],
    needsConfig: true,
    examples: {
      bad: [
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="2024-05-01"\n', options },
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="May 1st, 2024"\n', options, note: 'not a date format' },
      ],
      good: [
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="2024-05-01T12:00:00Z"\n', options },
        { code: 'FROM alpine:3.20\nARG VALUE\nLABEL org.opencontainers.image.created=$VALUE\n', options, note: 'only known at build time' },
      ],
    },
  },
  check(ctx) {
    checkLabelType(ctx, 'rfc3339', 'an RFC 3339 date and time');
  },
});
