import { defineRule } from '../../engine/types.js';
import type { MakefileDoc, RecipeLine } from '../model.js';
import { parseLine } from '../parse.js';

function describeIndent(indent: string): string {
  const spaces = [...indent].filter((c) => c === ' ').length;
  const tabs = indent.length - spaces;
  const parts = [`${spaces} space${spaces === 1 ? '' : 's'}`];
  if (tabs > 0) parts.push(`${tabs} tab${tabs === 1 ? '' : 's'}`);
  return parts.join(' and ');
}

/** What make does with the line instead of running it. */
function consequence(line: RecipeLine, base: number): string {
  const parsed = parseLine(line.text.trim(), base);
  if (parsed.kind === 'assignment' || parsed.kind === 'target-variable') {
    return 'make reads it as a variable assignment and never runs it';
  }
  if (parsed.kind === 'rule') return 'make reads it as a new rule and never runs it';
  return 'make stops with "missing separator"';
}

export default defineRule<MakefileDoc>({
  meta: {
    id: 'makefile/recipe-space-indent',
    kind: 'makefile',
    severity: 'error',
    description: 'A recipe line is indented with spaces instead of a tab.',
    rationale:
      'GNU make only treats a line as a command when it starts with a tab (the recipe prefix). A line indented with ' +
      'spaces after a rule makes make stop with "missing separator", or, when it happens to look like `VAR=value` or ' +
      '`a: b`, is silently read as a variable assignment or a rule and never runs. Editors that expand tabs cause it. ' +
      'Lines that read as make syntax indented on purpose (`include`, `export`, a conditional, `VAR += x` with a space ' +
      'before the operator) are not reported.',
    howToFix:
      'Indent recipe lines with one tab (configure the editor to keep tabs in Makefiles), or set `.RECIPEPREFIX` ' +
      'to another character and use that.',
    fixable: true,
    aliases: [],
    examples: {
      bad: [
        {
          code: 'test:\n    pytest -q\n',
          output: 'test:\n\tpytest -q\n',
          note: 'Four spaces: make stops with "missing separator".',
        },
        {
          code: 'test:\n\tpip install -e .\n  PYTHONPATH=src pytest\n',
          output: 'test:\n\tpip install -e .\n\tPYTHONPATH=src pytest\n',
          note: 'Looks like an assignment, so make would silently define a variable instead of running pytest.',
        },
      ],
      good: [
        { code: 'test:\n\tpytest -q\n' },
        {
          code: 'build:\n\tpython -m build\n\nifdef CI\n    FLAGS = --strict\nendif\n',
          note: 'An indented assignment inside a conditional, after a blank line, is not part of the recipe.',
        },
        { code: '.RECIPEPREFIX = >\ntest:\n> pytest -q\n' },
      ],
    },
  },
  check(ctx) {
    for (const rule of ctx.doc.rules) {
      for (const line of rule.recipe) {
        if (!line.badIndent) continue;
        const indent = ctx.doc.text.slice(line.badIndent.start, line.badIndent.end);
        ctx.report({
          message:
            `recipe line starts with ${describeIndent(indent)}; make needs a tab here ` +
            `(${consequence(line, line.span.start)})`,
          span: line.badIndent,
          fix: { range: [line.badIndent.start, line.badIndent.end], text: ctx.doc.recipePrefix },
        });
      }
    }
  },
});
