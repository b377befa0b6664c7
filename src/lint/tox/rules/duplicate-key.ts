import { defineRule } from '../../engine/types.js';
import type { IniEntry } from '../ini.js';
import type { ToxDoc } from '../model.js';

export default defineRule<ToxDoc>({
  meta: {
    id: 'tox/duplicate-key',
    kind: 'tox',
    severity: 'error',
    description: 'A key appears twice in one section.',
    rationale:
      'tox reads tox.ini with Python\'s configparser in strict mode, which stops with DuplicateOptionError when a ' +
      'section repeats a key — in any section, also `[flake8]` or `[pytest]` — so tox cannot start at all. Keys ' +
      'are compared case-insensitively, as configparser does; `deps` and `Deps` are the same key. Other INI readers ' +
      'silently keep the last value instead, which hides the first one.',
    howToFix: 'Merge the two values into one key (multi-line values continue on indented lines).',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: '[testenv]\ndeps = pytest\ncommands = pytest\ndeps = coverage\n' },
        { code: '[flake8]\nmax-line-length = 100\nMax-Line-Length = 120\n' },
      ],
      good: [
        { code: '[testenv]\ndeps =\n    pytest\n    coverage\ncommands = pytest\n' },
        { code: '[testenv:a]\ndeps = pytest\n\n[testenv:b]\ndeps = pytest\n' },
      ],
    },
  },
  check(ctx) {
    for (const section of ctx.doc.ini.sections) {
      const first = new Map<string, IniEntry>();
      for (const entry of section.entries) {
        const earlier = first.get(entry.name);
        if (!earlier) {
          first.set(entry.name, entry);
          continue;
        }
        ctx.report({
          message:
            `key \`${entry.key}\` already set in [${section.name}] at line ${earlier.line}; configparser (and so tox) ` +
            'stops with DuplicateOptionError — merge the values into one key',
          span: entry.keySpan,
        });
      }
    }
  },
});
