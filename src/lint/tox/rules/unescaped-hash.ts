import { defineRule } from '../../engine/types.js';
import { isToxSection, type ToxDoc } from '../model.js';

export default defineRule<ToxDoc>({
  meta: {
    id: 'tox/unescaped-hash',
    kind: 'tox',
    severity: 'warning',
    description: 'A `#` inside a value, not after a space, that tox 4 reads as the start of a comment.',
    rationale:
      'tox 4 cuts every value line at the first `#` not written `\\#` (tox.wiki, "Upgrading to tox v4"); tox 3 did ' +
      'not. `bash -c "echo foo#bar"` loses its closing quote and fails, `pkg @ git+https://…#subdirectory=x` loses ' +
      'the fragment and installs the wrong thing. A `#` after whitespace is an ordinary comment and not reported.',
    howToFix: 'Write `\\#` where the value needs a literal `#`.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: "[testenv]\ncommands = bash -c \"echo 'foo#bar'\"\n" },
        { code: '[testenv]\ndeps = mypkg @ git+https://example.org/repo.git#subdirectory=python\n' },
      ],
      good: [
        { code: "[testenv]\ncommands = bash -c \"echo 'foo\\#bar'\"\n" },
        { code: '[testenv]\ndeps =\n    pytest  # test runner\n    # a full-line comment\n' },
      ],
    },
  },
  check(ctx) {
    for (const section of ctx.doc.sections) {
      if (!isToxSection(section)) continue;
      for (const setting of section.settings) {
        for (const line of setting.lines) {
          const hash = line.text.search(/(?<!\\)#/);
          if (hash <= 0 || /\s/.test(line.text[hash - 1]!)) continue;
          const at = line.span.start + hash;
          ctx.report({
            message: `tox 4 reads \`${line.text.slice(hash)}\` as a comment and drops it from \`${setting.entry.key}\`; write \`\\#\` for a literal \`#\``,
            span: { start: at, end: line.span.end },
          });
        }
      }
    }
  },
});
