import { defineRule } from '../../engine/types.js';
import { mutuallyExclusive } from '../conditions.js';
import type { MakeRule, MakefileDoc } from '../model.js';
import { SPECIAL_TARGETS } from '../targets.js';

export default defineRule<MakefileDoc>({
  meta: {
    id: 'makefile/mixed-colon-rules',
    kind: 'makefile',
    severity: 'error',
    description: 'A target has both single-colon (`t:`) and double-colon (`t::`) rules.',
    rationale:
      'A target is either ordinary or double-colon for its whole life in make; mixing the two makes make stop ' +
      'reading the Makefile with "target file \'t\' has both : and :: entries", so every target fails, not only this one.',
    howToFix: 'Use `::` on every rule of the target (each recipe runs) or `:` on every rule (one recipe).',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'clean::\n\trm -rf build\n\nclean:\n\trm -rf dist\n' },
        { code: 'install: build\n\ninstall::\n\tpip install .\n' },
      ],
      good: [
        { code: 'clean::\n\trm -rf build\n\nclean::\n\trm -rf dist\n' },
        { code: 'ifdef WINDOWS\nclean::\n\tdel build\nelse\nclean:\n\trm -rf build\nendif\n' },
      ],
    },
  },
  check(ctx) {
    const seen = new Map<string, MakeRule[]>();
    for (const rule of ctx.doc.rules) {
      for (const target of rule.targets) {
        if (SPECIAL_TARGETS.has(target.text)) continue;
        const earlier = seen.get(target.text) ?? [];
        const clash = earlier.find((r) => r.doubleColon !== rule.doubleColon && !mutuallyExclusive(r.conditions, rule.conditions));
        if (clash) {
          const [mine, theirs] = rule.doubleColon ? ['::', ':'] : [':', '::'];
          ctx.report({
            message:
              `target \`${target.text}\` uses \`${mine}\` here but \`${theirs}\` at line ${clash.startLine}; make stops ` +
              `with "target file '${target.text}' has both : and :: entries"`,
            span: target.span,
          });
        }
        seen.set(target.text, [...earlier, rule]);
      }
    }
  },
});
