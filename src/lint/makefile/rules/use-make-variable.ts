import { defineRule } from '../../engine/types.js';
import type { MakefileDoc } from '../model.js';
import { commandWord, splitCommands } from '../recipe-commands.js';

export default defineRule<MakefileDoc>({
  meta: {
    id: 'makefile/use-make-variable',
    kind: 'makefile',
    severity: 'warning',
    description: 'A recipe runs `make` by name instead of `$(MAKE)`.',
    rationale:
      'The GNU make manual: "Recursive make commands should always use the variable MAKE, not the explicit command ' +
      'name \'make\'". With `$(MAKE)` the sub-make is the same make binary, shares the parallel job slots of `-j` ' +
      '(a literal `make` warns "jobserver unavailable" and runs serially or oversubscribes), and honours `-n`, `-t` ' +
      'and `-q` (a dry run of the parent really runs a literal `make`).',
    howToFix: 'Write `$(MAKE)` where the recipe calls `make`: `$(MAKE) -C docs html`.',
    fixable: true,
    aliases: [],
    examples: {
      bad: [
        { code: '.PHONY: docs\ndocs:\n\tcd docs && make html\n', output: '.PHONY: docs\ndocs:\n\tcd docs && $(MAKE) html\n' },
        { code: '.PHONY: all\nall:\n\t@-make -C sub clean\n', output: '.PHONY: all\nall:\n\t@-$(MAKE) -C sub clean\n' },
      ],
      good: [
        { code: '.PHONY: docs\ndocs:\n\t$(MAKE) -C docs html\n' },
        { code: '.PHONY: help\nhelp:\n\t@echo "run make test to test"\n\tcmake --build build\n' },
      ],
    },
  },
  check(ctx) {
    for (const rule of ctx.doc.rules) {
      for (const line of rule.recipe) {
        for (const command of splitCommands(line.text, line.span.start)) {
          const word = commandWord(command.words);
          if (word?.text !== 'make') continue;
          ctx.report({
            message: 'recipe runs `make` by name; use `$(MAKE)` so the sub-make shares `-j` job slots and honours `-n`',
            span: word.span,
            fix: { range: [word.span.start, word.span.end], text: '$(MAKE)' },
          });
        }
      }
    }
  },
});
