import { defineRule } from '../../engine/types.js';
import { mutuallyExclusive } from '../conditions.js';
import type { MakeRule, MakefileDoc } from '../model.js';
import { SPECIAL_TARGETS, expandWord } from '../targets.js';
import { MakeVariables } from '../variables.js';

export default defineRule<MakefileDoc>({
  meta: {
    id: 'makefile/duplicate-target',
    kind: 'makefile',
    severity: 'warning',
    description: 'Two rules give the same target a recipe; make keeps only the last one.',
    rationale:
      'For an ordinary (single-colon) target, make runs one recipe. When a second rule gives the target another ' +
      'recipe, make warns "overriding recipe for target" and "ignoring old recipe" and silently drops the first — ' +
      'usually a copy-pasted target whose first version is then dead. Rules in the two branches of one ' +
      '`ifeq … else … endif` are not duplicates; double-colon rules (`target::`) are meant to have several recipes.',
    howToFix:
      'Remove or rename one of the rules, merge the recipes, or use `target::` for both when every recipe should run.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        {
          code: '.PHONY: test\ntest:\n\tpytest\n\ntest:\n\tpytest --cov\n',
          note: 'Only `pytest --cov` runs.',
        },
        {
          code: '.PHONY: docs html\ndocs html:\n\tsphinx-build docs build\n\nhtml:\n\tmkdocs build\n',
          note: '`html` is defined twice: once in a multi-target rule.',
        },
      ],
      good: [
        {
          code: '.PHONY: test\ntest: lint\ntest:\n\tpytest\n',
          note: 'A rule without a recipe only adds prerequisites.',
        },
        {
          code: 'ifeq ($(OS),Windows_NT)\nclean:\n\tdel /q build\nelse\nclean:\n\trm -rf build\nendif\n\nlog::\n\techo a\nlog::\n\techo b\n',
        },
      ],
    },
  },
  check(ctx) {
    const vars = MakeVariables.of(ctx.doc);
    const first = new Map<string, MakeRule[]>();
    for (const rule of ctx.doc.rules) {
      if (rule.doubleColon || rule.recipe.length === 0) continue;
      for (const target of rule.targets) {
        if (SPECIAL_TARGETS.has(target.text) || target.text.includes('%')) continue;
        for (const name of expandWord(target, vars) ?? [target.text]) {
          const earlier = (first.get(name) ?? []).find((r) => r !== rule && !mutuallyExclusive(r.conditions, rule.conditions));
          if (earlier) {
            ctx.report({
              message:
                `target \`${name}\` already has a recipe at line ${earlier.startLine}; make keeps only this later ` +
                `recipe and drops the first (make: "overriding recipe for target '${name}'")`,
              span: target.span,
            });
          }
          first.set(name, [...(first.get(name) ?? []), rule]);
        }
      }
    }
  },
});
