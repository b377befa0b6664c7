import { defineRule } from '../../engine/types.js';
import { checkLabelType } from '../labels.js';
import type { DockerfileDoc } from '../model.js';

const options = { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' } };

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/label-invalid-spdx',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'A label the label schema types `spdx` is not an SPDX licence expression.',
    rationale:
      'Label values are read by registries, scanners and deployment tools, which trust them; a value of the wrong shape ' +
      'misleads them. Runs only with a label schema (`labelSchema` in slipway.yaml, or `label-schema` in .hadolint.yaml). ' +
      'Values are checked after ARG/ENV substitution (hadolint checks the text as written, so it reports `$VERSION`); ' +
      'a value only known at build time is not judged, and an empty one is left to dockerfile/label-empty. ' +
      'hadolint accepts a single licence id only; slipway accepts SPDX expressions (`MIT OR Apache-2.0`, `GPL-2.0-only WITH Classpath-exception-2.0`, `LicenseRef-…`) as the OCI annotation allows, against the SPDX License List as packaged in spdx-license-ids 3.0.24.',
    howToFix: 'Use SPDX identifiers: `MIT`, `Apache-2.0`, `MIT OR Apache-2.0`.',
    fixable: false,
    aliases: ['DL3054'],
    needsConfig: true,
    examples: {
      bad: [
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="Apache 2"\n', options },
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="MIT and BSD"\n', options, note: 'operators are upper case' },
      ],
      good: [
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="MIT OR Apache-2.0"\n', options },
        { code: 'FROM alpine:3.20\nARG VALUE\nLABEL org.opencontainers.image.licenses=$VALUE\n', options, note: 'only known at build time' },
      ],
    },
  },
  check(ctx) {
    checkLabelType(ctx, 'spdx', 'an SPDX licence expression');
  },
});
