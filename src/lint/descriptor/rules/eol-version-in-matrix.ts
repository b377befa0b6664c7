import { defineRule } from '../../engine/types.js';
import type { Project } from '../../../descriptor/model.js';
import { PYTHON_VERSIONS_CHECKED } from '../../../descriptor/python-versions.js';
import { factsOf } from '../facts.js';

export default defineRule<Project>({
  meta: {
    id: 'descriptor/eol-version-in-matrix',
    kind: 'descriptor',
    severity: 'warning',
    description: 'The test matrix runs a Python, Node.js or Go version that has reached its end of life.',
    rationale:
      'A version past its end of life gets no security fixes. slipway refuses one for the image (`runtime.version`, ' +
      `an error) but only warns in \`runtime.matrix\`: a library may still test an old version it supports. The dates ` +
      `come from a release table in the source, checked ${PYTHON_VERSIONS_CHECKED}.`,
    howToFix: 'Remove the version from `runtime.matrix` once you stop supporting it.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'name: svc\nextends: python-flask\nruntime:\n  matrix: ["3.9", "3.13"]\n', note: 'Python 3.9 reached its end of life in October 2025.' },
        { code: 'name: svc\nextends: python-tornado\nruntime:\n  version: "3.12"\n  matrix: ["3.8", "3.12"]\n' },
      ],
      good: [
        { code: 'name: svc\nextends: python-flask\nruntime:\n  matrix: ["3.12", "3.13"]\n' },
        { code: 'name: svc\nextends: python-fastapi\n', note: 'The matrix defaults to the image version.' },
      ],
    },
  },
  check(ctx) {
    for (const warning of factsOf(ctx.doc)?.endOfLife ?? []) ctx.report(warning);
  },
});
