import { didYouMean } from '../../../util/text.js';
import { defineRule } from '../../engine/types.js';
import type { MakefileDoc } from '../model.js';
import { targetListIsComplete } from '../targets.js';
import { BUILTIN_VARIABLES, MakeVariables } from '../variables.js';

export default defineRule<MakefileDoc>({
  meta: {
    id: 'makefile/misspelled-variable',
    kind: 'makefile',
    severity: 'warning',
    description: 'A variable is used but never defined, and its name is one edit away from a variable that is.',
    rationale:
      'make expands an undefined variable to nothing without a word: `$(SPHINXOPT)` for `$(SPHINXOPTS)` silently ' +
      'drops the options. Any variable may also come from the environment or the command line, so slipway only ' +
      'reports names that are close to a variable the Makefile defines (a likely typo), never every undefined name, ' +
      'and skips files whose variables it cannot all see (unreadable includes, `$(eval …)`).',
    howToFix: 'Correct the name, or define the variable (`NAME ?= default` documents that it may come from outside).',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'SPHINXOPTS = -W\n.PHONY: docs\ndocs:\n\tsphinx-build $(SPHINXOPT) docs build\n' },
        { code: 'PYTHON ?= python3\n.PHONY: test\ntest:\n\t${PYHTON} -m pytest\n' },
      ],
      good: [
        { code: 'SPHINXOPTS ?=\n.PHONY: docs\ndocs:\n\tsphinx-build $(SPHINXOPTS) $(O) docs build\n' },
        {
          code: 'PYTHON = python3\n.PHONY: test\ntest:\n\t$(PYTHON) -m pytest $(PYTEST_ARGS)\n',
          note: '`PYTEST_ARGS` may come from the command line and is not close to a defined name.',
        },
      ],
    },
  },
  check(ctx) {
    const doc = ctx.doc;
    if (!targetListIsComplete(doc)) return;
    const vars = MakeVariables.of(doc);
    const defined = new Set([...vars.names()]);
    for (const a of doc.assignments) if (a.targets) defined.add(a.name.text);
    const candidates = [...defined].filter((n) => !n.includes('$'));
    for (const ref of doc.variableRefs) {
      const name = ref.name;
      if (ref.kind !== 'variable' || name.length < 4 || defined.has(name) || BUILTIN_VARIABLES.has(name)) continue;
      const guess = didYouMean(name, candidates);
      // PYTHON2 next to PYTHON3, or FOO next to foo, are different variables, not typos.
      const digitless = (s: string) => s.replace(/\d+/g, '').toLowerCase();
      if (!guess || digitless(guess) === digitless(name)) continue;
      ctx.report({
        message: `\`${name}\` is never defined and expands to nothing; did you mean \`${guess}\`?`,
        span: ref.span,
      });
    }
  },
});
