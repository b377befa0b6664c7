import { didYouMean } from '../../../util/text.js';
import { defineRule } from '../../engine/types.js';
import type { MakefileDoc } from '../model.js';
import { expandWord, findMakeTarget, listMakeTargets, targetListIsComplete } from '../targets.js';
import { MakeVariables } from '../variables.js';

export default defineRule<MakefileDoc>({
  meta: {
    id: 'makefile/phony-without-rule',
    kind: 'makefile',
    severity: 'info',
    description: '`.PHONY` names a target that no rule defines.',
    rationale:
      'A `.PHONY` entry without a rule is usually a target that was renamed or removed, or a typo of the real one ' +
      '(then the real target is not phony). `make <name>` answers "Nothing to be done" instead of failing. Pattern ' +
      'rules count (Sphinx\'s catch-all `%: Makefile` defines every name); the check is skipped when the Makefile ' +
      'includes files slipway cannot read or defines targets with `$(eval …)`.',
    howToFix: 'Remove the name from `.PHONY`, fix its spelling, or add the missing rule.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: '.PHONY: test lint\ntest:\n\tpytest\n', note: '`lint` was removed but is still declared.' },
        { code: '.PHONY: tset\ntest:\n\tpytest\n', note: 'A typo: `test` is not phony and `tset` does not exist.' },
      ],
      good: [
        { code: '.PHONY: test\ntest:\n\tpytest\n' },
        {
          code: '.PHONY: help html\nhelp:\n\t@sphinx-build -M help . _build\n%: Makefile\n\t@sphinx-build -M $@ . _build\n',
          note: '`html` is served by the catch-all pattern rule.',
        },
      ],
    },
  },
  check(ctx) {
    const doc = ctx.doc;
    if (!targetListIsComplete(doc)) return;
    const vars = MakeVariables.of(doc);
    const targets = listMakeTargets(doc);
    const real = targets.filter((t) => !t.special && !t.pattern).map((t) => t.name);
    const targetVariables = new Set(doc.assignments.flatMap((a) => (a.targets ?? []).map((t) => t.text)));
    for (const rule of doc.rules) {
      if (!rule.targets.some((t) => t.text === '.PHONY')) continue;
      for (const word of rule.prerequisites) {
        for (const name of expandWord(word, vars) ?? []) {
          if (findMakeTarget(doc, name, targets) || targetVariables.has(name)) continue;
          const guess = didYouMean(name, real.filter((n) => n !== name));
          const from = word.text === name ? '' : ` (from \`${word.text}\`)`;
          ctx.report({
            message:
              `\`.PHONY\` lists \`${name}\`${from}, but no rule defines it; ` +
              (guess ? `did you mean \`${guess}\`? ` : '') +
              `\`make ${name}\` would do nothing. Remove it or add the rule`,
            span: word.span,
          });
        }
      }
    }
  },
});
