import { defineRule } from '../../engine/types.js';
import { REMOVED_KEYS } from '../keys.js';
import { isToxSection, requiresTox4, settingOf, type ToxDoc } from '../model.js';

export default defineRule<ToxDoc>({
  meta: {
    id: 'tox/removed-key',
    kind: 'tox',
    severity: 'warning',
    description: 'A setting that tox 4 removed: `whitelist_externals`, `indexserver`, `isolated_build`, `distdir`, `distshare`.',
    rationale:
      'tox 4 ignores these keys without a word (tox.wiki, "Upgrading to tox v4"). The costly one is ' +
      '`whitelist_externals`: the commands it allowed are no longer allowed, so `make`, `bash` or `rm` fail with ' +
      '"not allowed" — it was renamed `allowlist_externals` in tox 3.18, so the rename is always safe. The others ' +
      'still work in tox 3 and have no replacement there, so they are only reported when the file requires tox 4 ' +
      '(`min_version = 4…` or `requires = tox>=4…`); then they are dead configuration.',
    howToFix: 'Rename `whitelist_externals` to `allowlist_externals`; remove the others or use their replacement.',
    fixable: true,
    aliases: [],
    examples: {
      bad: [
        {
          code: '[testenv]\nwhitelist_externals = make\ncommands = make test\n',
          output: '[testenv]\nallowlist_externals = make\ncommands = make test\n',
        },
        { code: '[tox]\nmin_version = 4.0\nisolated_build = true\nenvlist = py312\n' },
      ],
      good: [
        { code: '[testenv]\nallowlist_externals = make\ncommands = make test\n' },
        { code: '[tox]\nenvlist = py312\n\n[testenv]\nset_env = PIP_INDEX_URL = https://pypi.example.org/simple\n' },
        { code: '[tox]\nminversion = 3.24\nisolated_build = true\n', note: 'Still needed by tox 3, which this file allows.' },
      ],
    },
  },
  check(ctx) {
    const tox4 = requiresTox4(ctx.doc);
    for (const section of ctx.doc.sections) {
      if (!isToxSection(section)) continue;
      for (const { entry } of section.settings) {
        const removed = REMOVED_KEYS[entry.name];
        if (!removed || (removed.tox3Only && !tox4)) continue;
        const replacementPresent = removed.renamedTo !== undefined && settingOf(section, removed.renamedTo) !== undefined;
        const report = {
          message:
            `\`${entry.key}\` in [${section.ini.name}] is no longer read by tox 4: ${removed.instead}` +
            (replacementPresent ? ` (merge it into the \`${removed.renamedTo}\` already in this section)` : ''),
          span: entry.keySpan,
        };
        if (removed.renamedTo && !replacementPresent) {
          ctx.report({ ...report, fix: { range: [entry.keySpan.start, entry.keySpan.end], text: removed.renamedTo } });
        } else {
          ctx.report(report);
        }
      }
    }
  },
});
