import { defineRule } from '../../engine/types.js';
import { entryOf, type IniSection } from '../ini.js';
import { CORE_KEYS, ENV_KEYS } from '../keys.js';
import type { ToxDoc } from '../model.js';

/**
 * Whether tox 4 can resolve `{[section]key}` (tox/config/loader/ini/replace.py): `[tox]` and
 * `[testenv:NAME]` references go through the configuration, where every tox setting has at least
 * its default and `[testenv:NAME]` falls back to `[testenv]` (NAME need not have a section); any
 * other section is read as raw INI and must hold the key.
 */
function resolves(doc: ToxDoc, sections: Map<string, IniSection>, section: string, key: string): boolean {
  const name = key.toLowerCase();
  if (section === 'tox') return CORE_KEYS.has(name) || entryOf(sections.get('tox'), key) !== undefined;
  if (section.startsWith('testenv:')) {
    if (ENV_KEYS.has(name) || entryOf(sections.get('testenv'), key)) return true;
    const env = section.slice('testenv:'.length);
    return doc.sections.some((s) => s.envNames.some((n) => n.name === env) && entryOf(s.ini, key) !== undefined);
  }
  return entryOf(sections.get(section), key) !== undefined;
}

export default defineRule<ToxDoc>({
  meta: {
    id: 'tox/unresolved-reference',
    kind: 'tox',
    severity: 'error',
    description: 'A `{[section]key}` substitution that tox cannot resolve: the section or the key does not exist.',
    rationale:
      'tox replaces `{[section]key}` with that setting\'s value. When it cannot, tox 4 leaves the text as it is ' +
      '(it cannot tell a reference from a factor expression), so pip is asked to install `{[base]deps}` or a ' +
      'command named `{[testenv]commands}` runs — usually after a section was renamed. Following tox, a ' +
      '`[testenv:NAME]` reference resolves any tox setting (falling back to `[testenv]`, even without a section ' +
      'for NAME), while other sections must contain the key.',
    howToFix: 'Point the reference at an existing section and key, or add the key there.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: '[testenv]\ndeps = {[base]deps}\n' },
        { code: '[base]\ndeps = pytest\n\n[testenv]\ndeps =\n    {[base]dep}\n    coverage\n' },
      ],
      good: [
        { code: '[base]\ndeps = pytest\n\n[testenv]\ndeps = {[base]deps}\n' },
        {
          code: '[testenv]\ncommands = pytest\n\n[testenv:cov]\ncommands = {[testenv:py]commands}\n',
          note: 'tox builds env `py` from `[testenv]` to answer.',
        },
      ],
    },
  },
  check(ctx) {
    const sections = new Map<string, IniSection>(ctx.doc.ini.sections.map((s) => [s.name, s]));
    for (const section of ctx.doc.sections) {
      for (const setting of section.settings) {
        for (const line of setting.lines) {
          for (const sub of line.substitutions) {
            if (sub.kind !== 'reference' || !sub.section || !sub.key || /[{}\s]/.test(sub.key)) continue;
            if (resolves(ctx.doc, sections, sub.section, sub.key)) continue;
            const why = sections.has(sub.section) ? `[${sub.section}] has no key \`${sub.key}\`` : `there is no section [${sub.section}]`;
            ctx.report({
              message: `\`${sub.text}\` cannot be resolved: ${why}; tox leaves the text in the value as it is`,
              span: sub.span,
            });
          }
        }
      }
    }
  },
});
