import { defineRule } from '../../engine/types.js';
import { checkLabelType } from '../labels.js';
import type { DockerfileDoc } from '../model.js';

const options = { labelSchema: { 'org.opencontainers.image.version': 'semver' } };

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/label-invalid-semver',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'A label the label schema types `semver` is not a semantic version.',
    rationale:
      'Label values are read by registries, scanners and deployment tools, which trust them; a value of the wrong shape ' +
      'misleads them. Runs only with a label schema (`labelSchema` in slipway.yaml, or `label-schema` in .hadolint.yaml). ' +
      'Values are checked after ARG/ENV substitution (hadolint checks the text as written, so it reports `$VERSION`); ' +
      'a value only known at build time is not judged, and an empty one is left to dockerfile/label-empty. ' +
      'Like hadolint, SemVer 2.0 is required (`1.2.3`, `1.2.3-rc.1+build.5`); a leading `v` is not SemVer.',
    howToFix: 'Write MAJOR.MINOR.PATCH, e.g. `1.4.0`.',
    fixable: false,
    aliases: ['DL3056'],
    needsConfig: true,
    examples: {
      bad: [
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="v1.4"\n', options },
        { code: 'FROM alpine:3.20\nARG VERSION=1.4\nLABEL org.opencontainers.image.version="${VERSION}"\n', options, note: 'resolved through the ARG' },
      ],
      good: [
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.4.0-rc.1"\n', options },
        { code: 'FROM alpine:3.20\nARG VALUE\nLABEL org.opencontainers.image.version=$VALUE\n', options, note: 'only known at build time' },
      ],
    },
  },
  check(ctx) {
    checkLabelType(ctx, 'semver', 'a semantic version');
  },
});
