import { defineRule } from '../../engine/types.js';
import { isToxSection, type ToxDoc } from '../model.js';

export default defineRule<ToxDoc>({
  meta: {
    id: 'tox/passenv-spaces',
    kind: 'tox',
    severity: 'warning',
    description: '`passenv` separates variable names with spaces, which tox 4 reads as one name.',
    rationale:
      'tox 3 split `passenv` on spaces; tox 4 splits every list on commas and new lines only (tox.wiki, "Upgrading ' +
      'to tox v4"). `passenv = HOME CI` is now the single pattern "HOME CI", which matches nothing, so neither ' +
      'variable reaches the tests.',
    howToFix: 'Separate the names with commas or put one per line.',
    fixable: true,
    aliases: [],
    examples: {
      bad: [
        { code: '[testenv]\npassenv = HOME CI\n', output: '[testenv]\npassenv = HOME, CI\n' },
        {
          code: '[testenv]\npass_env =\n    CI GITHUB_*\n    TERM\n',
          output: '[testenv]\npass_env =\n    CI, GITHUB_*\n    TERM\n',
        },
      ],
      good: [
        { code: '[testenv]\npassenv = HOME, CI\n' },
        { code: '[testenv]\npassenv =\n    HOME\n    CI  # for the CI check\n' },
      ],
    },
  },
  check(ctx) {
    for (const section of ctx.doc.sections) {
      if (!isToxSection(section)) continue;
      for (const setting of section.settings) {
        if (setting.entry.name !== 'passenv' && setting.entry.name !== 'pass_env') continue;
        for (const line of setting.lines) {
          if (!line.content.split(',').some((part) => /\S\s+\S/.test(part))) continue;
          const names = line.content.split(/[\s,]+/).filter(Boolean);
          ctx.report({
            message: `tox 4 reads \`${line.content}\` as one name; separate the variables with commas: \`${names.join(', ')}\``,
            span: line.contentSpan,
            fix: { range: [line.contentSpan.start, line.contentSpan.end], text: names.join(', ') },
          });
        }
      }
    }
  },
});
