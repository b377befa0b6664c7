import { defineRule } from '../../engine/types.js';
import type { MakefileDoc, RecipeLine } from '../model.js';
import { commandWordIndex, splitCommands } from '../recipe-commands.js';

const STATEFUL = new Set(['cd', 'pushd', 'popd', 'export', 'source', '.', 'set', 'unset', 'umask', 'alias']);

/** What the line does to the shell, when it only changes shell state; undefined otherwise. */
function stateOnly(line: RecipeLine): string | undefined {
  const commands = splitCommands(line.text, line.span.start);
  if (commands.length !== 1 || commands[0]!.separator !== '') return undefined;
  const words = commands[0]!.words;
  const k = commandWordIndex(words);
  const text = words.map((w) => w.text).join(' ').replace(/^[@+-]+/, '');
  if (k >= words.length) return /^[A-Za-z_]\w*=/.test(text) ? text : undefined;
  const name = words[k]!.text.replace(/^[@+-]+/, '');
  if (STATEFUL.has(name) || (name === 'conda' && words[k + 1]?.text === 'activate')) return text;
  return undefined;
}

export default defineRule<MakefileDoc>({
  meta: {
    id: 'makefile/lost-shell-state',
    kind: 'makefile',
    severity: 'warning',
    description: 'A recipe line only changes the shell (`cd`, `export`, `source`, a variable) and the next line expects it.',
    rationale:
      'make runs every recipe line in a new shell. `cd docs` on one line and `sphinx-build …` on the next runs ' +
      'sphinx-build in the Makefile\'s directory; `export X=1` or `source venv/bin/activate` on their own line are ' +
      'gone before the next command. Unless `.ONESHELL:` is set, such a line has no effect at all.',
    howToFix:
      'Join the lines into one shell command: `cd docs && sphinx-build …`, or end the line with `; \\` so the next ' +
      'line continues it; for environment variables use make\'s `export VAR = value` outside the recipe.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: '.PHONY: docs\ndocs:\n\tcd docs\n\tsphinx-build . _build\n' },
        { code: '.PHONY: test\ntest:\n\t. venv/bin/activate\n\texport PYTHONPATH=src\n\tpytest\n' },
      ],
      good: [
        { code: '.PHONY: docs\ndocs:\n\tcd docs && sphinx-build . _build\n' },
        { code: '.ONESHELL:\n.PHONY: docs\ndocs:\n\tcd docs\n\tsphinx-build . _build\n' },
        { code: '.PHONY: docs\ndocs:\n\tcd docs; \\\n\tsphinx-build . _build\n' },
      ],
    },
  },
  check(ctx) {
    if (ctx.doc.oneShell) return;
    for (const rule of ctx.doc.rules) {
      rule.recipe.forEach((line, i) => {
        const next = rule.recipe[i + 1];
        if (!next) return;
        const what = stateOnly(line);
        if (!what) return;
        ctx.report({
          message:
            `\`${what}\` runs in its own shell and is lost before line ${next.line}: make starts a new shell for ` +
            'every recipe line. Join them with `&&` or end this line with `; \\`',
          span: line.span,
        });
      });
    }
  },
});
