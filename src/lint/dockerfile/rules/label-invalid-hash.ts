import { defineRule } from '../../engine/types.js';
import { checkLabelType } from '../labels.js';
import type { DockerfileDoc } from '../model.js';

const options = { labelSchema: { 'org.opencontainers.image.revision': 'hash' } };

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/label-invalid-hash',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'A label the label schema types `hash` is not a git commit hash.',
    rationale:
      'Label values are read by registries, scanners and deployment tools, which trust them; a value of the wrong shape ' +
      'misleads them. Runs only with a label schema (`labelSchema` in slipway.yaml, or `label-schema` in .hadolint.yaml). ' +
      'Values are checked after ARG/ENV substitution (hadolint checks the text as written, so it reports `$VERSION`); ' +
      'a value only known at build time is not judged, and an empty one is left to dockerfile/label-empty. ' +
      'hadolint accepts only 7 or 40 characters; slipway accepts any abbreviation from 7 to 40 lower-case hex digits and 64-digit SHA-256 commit ids.',
    howToFix: 'Use the commit id, full or abbreviated: `git rev-parse HEAD`.',
    fixable: false,
    aliases: ['DL3055'],
    needsConfig: true,
    examples: {
      bad: [
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision="main"\n', options },
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision="A1B2C3D4"\n', options, note: 'upper-case hex' },
      ],
      good: [
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision="4f2a9c1e"\n', options },
        { code: 'FROM alpine:3.20\nARG VALUE\nLABEL org.opencontainers.image.revision=$VALUE\n', options, note: 'only known at build time' },
      ],
    },
  },
  check(ctx) {
    checkLabelType(ctx, 'hash', 'a git commit hash');
  },
});
