import { defineRule } from '../../engine/types.js';
import type { ToxDoc } from '../model.js';

export default defineRule<ToxDoc>({
  meta: {
    id: 'tox/malformed-envlist',
    kind: 'tox',
    severity: 'error',
    description: 'An envlist entry that tox expands into names nobody meant: unbalanced braces, empty factors, spaces.',
    rationale:
      'tox splits `envlist` on commas and new lines and multiplies `{a,b}` groups; it does not report mistakes. An ' +
      'unclosed `{` splits the group into separate names such as `py{311` and `312}`, an empty factor (`py312-`, ' +
      '`a--b`) gives names with an empty part, and a space inside an entry is dropped, so `py311 py312` is one ' +
      'env `py311py312` that has no interpreter.',
    howToFix: 'Close every `{` with `}`, remove stray `-`, and separate env names with commas or new lines.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: '[tox]\nenvlist = py{311,312, lint\n' },
        { code: '[tox]\nenvlist = py311 py312\n' },
        { code: '[tox]\nenvlist = py312-\n' },
      ],
      good: [
        { code: '[tox]\nenvlist = py{311,312}, lint\n' },
        { code: '[tox]\nenvlist =\n    py311\n    py312\n    py3{10-13}-django{42, 50}\n' },
      ],
    },
  },
  check(ctx) {
    for (const issue of ctx.doc.envlistIssues) ctx.report({ message: `envlist: ${issue.message}`, span: issue.span });
  },
});
