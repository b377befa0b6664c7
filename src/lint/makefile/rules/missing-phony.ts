import { defineRule } from '../../engine/types.js';
import type { MakeRule, MakefileDoc, Word } from '../model.js';
import { SPECIAL_TARGETS, allRules, phonyTargets } from '../targets.js';
import { classifyTarget, looksLikePath } from '../task-targets.js';
import { MakeVariables } from '../variables.js';

/** Targets that special targets mark as files (`.PRECIOUS: venv`). */
function fileMarked(doc: MakefileDoc): Set<string> {
  const names = new Set<string>();
  for (const { rule } of allRules(doc)) {
    if (rule.targets.some((t) => ['.PRECIOUS', '.SECONDARY', '.INTERMEDIATE', '.NOTINTERMEDIATE'].includes(t.text))) {
      for (const p of rule.prerequisites) names.add(p.text);
    }
  }
  return names;
}

export default defineRule<MakefileDoc>({
  meta: {
    id: 'makefile/missing-phony',
    kind: 'makefile',
    severity: 'warning',
    description: 'A target that names a task, not a file, is not declared `.PHONY`.',
    rationale:
      'make treats every target as a file. When a file or directory with the target\'s name exists — a `test/` or ' +
      '`docs/` directory, a `build/` left by the recipe itself — `make test` answers "\'test\' is up to date" and ' +
      'runs nothing, so CI passes without testing. `.PHONY` tells make the target is not a file. slipway decides that ' +
      'a target is a task when its name is a common verb (test, lint, clean, install, build, docs, …) and its recipe ' +
      'does not create it (`$@`, `mkdir NAME`, `touch NAME`, `> NAME`, `-o NAME`), or when any other plain name has ' +
      'a recipe that never mentions it and no such file exists; names with `.`, `/` or `%` are taken for files. ' +
      'checkmake\'s `minphony`/`phonydeclared` report only a fixed list of names.',
    howToFix: 'Add the target to a `.PHONY:` line, conventionally right above the rule.',
    fixable: true,
    aliases: [],
    examples: {
      bad: [
        {
          code: 'test:\n\tpytest -q\n',
          output: '.PHONY: test\ntest:\n\tpytest -q\n',
          note: 'With a `test/` directory in the repository, `make test` does nothing.',
        },
        {
          code: '.PHONY: lint\nlint:\n\truff check .\n\ndocs-serve:\n\tmkdocs serve\n',
          output: '.PHONY: lint\nlint:\n\truff check .\n\n.PHONY: docs-serve\ndocs-serve:\n\tmkdocs serve\n',
        },
      ],
      good: [
        { code: '.PHONY: test\ntest:\n\tpytest -q\n' },
        {
          code: 'venv:\n\tpython3 -m venv venv\n\nrequirements.txt: requirements.in\n\tpip-compile -o $@ $<\n\nFORCE:\n',
          note: 'File targets: the recipe creates `venv`, `$@` names the output, `FORCE:` is the empty-rule idiom.',
        },
      ],
    },
  },
  check(ctx) {
    const doc = ctx.doc;
    const vars = MakeVariables.of(doc);
    const phony = phonyTargets(doc, vars);
    if (!phony.complete) return;
    const files = fileMarked(doc);
    const rulesByName = new Map<string, MakeRule[]>();
    for (const { rule } of allRules(doc)) {
      for (const t of rule.targets) rulesByName.set(t.text, [...(rulesByName.get(t.text) ?? []), rule]);
    }
    const seen = new Set<string>();
    for (const rule of doc.rules) {
      if (rule.staticPattern) continue;
      const missing: Word[] = rule.targets.filter((t) => {
        const name = t.text;
        if (seen.has(name) || looksLikePath(name) || SPECIAL_TARGETS.has(name)) return false;
        seen.add(name);
        if (phony.names.has(name) || files.has(name)) return false;
        return classifyTarget(name, rulesByName.get(name) ?? [rule], doc, vars) === 'task';
      });
      const lineStart = doc.lines.starts[rule.startLine - 1]!;
      // One `.PHONY:` line for all the rule's targets: every finding carries the same edit.
      const fix = { range: [lineStart, lineStart] as [number, number], text: `.PHONY: ${missing.map((t) => t.text).join(' ')}\n` };
      for (const target of missing) {
        ctx.report({
          message:
            `target \`${target.text}\` is a task, not a file, but is not declared \`.PHONY\`; if a file or directory ` +
            `named \`${target.text}\` exists, make calls it up to date and skips the recipe. Add \`.PHONY: ${target.text}\``,
          span: target.span,
          fix,
        });
      }
    }
  },
});
