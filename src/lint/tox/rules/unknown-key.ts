import { defineRule } from '../../engine/types.js';
import { expandNames } from '../factors.js';
import { CORE_KEYS, ENV_KEYS, REMOVED_KEYS, suggestKey } from '../keys.js';
import type { ToxDoc } from '../model.js';
import { isPythonFactor } from '../python-versions.js';

/** `base_python_file` next to `base_python`: a longer key built on a known one is a newer or plugin key, not a typo. */
function extends_(key: string, known: string): boolean {
  return key.startsWith(`${known}_`) || key.endsWith(`_${known}`) || known.startsWith(`${key}_`) || known.endsWith(`_${key}`);
}

function misplaced(key: string, section: string, inCore: boolean): string {
  if (inCore) return `\`${key}\` is an environment setting; tox ignores it in [${section}] — move it to [testenv]`;
  const instead = ['no_package', 'skipsdist'].includes(key.toLowerCase()) ? '; to skip installing the project in this env use `skip_install = true`' : ' — move it to [tox]';
  return `\`${key}\` is a [tox] setting; tox ignores it in [${section}]${instead}`;
}

export default defineRule<ToxDoc>({
  meta: {
    id: 'tox/unknown-key',
    kind: 'tox',
    severity: 'warning',
    description: 'A key tox does not read where it is: a misspelled setting, a setting in the wrong section, or a factor condition that is not indented.',
    rationale:
      'tox ignores keys it does not know, so `dpes = pytest` installs nothing and no error says why. A conditional ' +
      'line written at the start of the line (`py312: mock` under `deps =`) is not a continuation: configparser ' +
      'reads it as a new key `py312` and the condition never applies. A `[tox]` setting such as `no_package` in a ' +
      '`[testenv:…]` section (or `deps` in `[tox]`) is ignored too. Plugins and newer tox versions add keys, so ' +
      'slipway only reports a key that is close to a tox key (a likely typo, not `base_python_file` next to ' +
      '`base_python`), a key of the other kind of section, or one that looks like a factor condition.',
    howToFix: 'Correct the key\'s spelling, or indent the conditional line under the setting it belongs to.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: '[testenv]\ndpes = pytest\ncommands = pytest\n' },
        { code: '[tox]\nenvlist = py312\n\n[testenv]\ndeps =\n    pytest\npy312: mock\n' },
        { code: '[testenv:lint]\nno_package = true\ncommands = ruff check .\n' },
      ],
      good: [
        { code: '[testenv]\ndeps =\n    pytest\n    py312: mock\ncommands = pytest\n' },
        { code: '[testenv]\nuv_seed = true\nconda_deps = numpy\ncommands = pytest\n', note: 'Plugin keys are left alone.' },
      ],
    },
  },
  check(ctx) {
    const doc = ctx.doc;
    const factors = new Set([...doc.envs, ...doc.labelEnvs, ...doc.sections.flatMap((s) => s.envNames)].flatMap((n) => n.factors.map((f) => f.name)));
    for (const section of doc.sections) {
      if (section.kind === 'other') continue;
      const known = section.kind === 'core' ? CORE_KEYS : ENV_KEYS;
      for (const { entry } of section.settings) {
        if (known.has(entry.name) || REMOVED_KEYS[entry.name]) continue;
        const asCondition = /^[\w{}.!,-]+$/.test(entry.key) && section.kind !== 'core'
          ? expandNames(entry.key, entry.keySpan.start).names.flatMap((n) => n.factors).some((f) => isPythonFactor(f.name) || factors.has(f.name))
          : false;
        if (asCondition && entry.delimiter === ':') {
          ctx.report({
            message:
              `\`${entry.key}:\` starts the line, so configparser reads a new key \`${entry.key}\` and the condition ` +
              'never applies; indent the line to continue the setting above',
            span: entry.keySpan,
          });
          continue;
        }
        const other = section.kind === 'core' ? ENV_KEYS : CORE_KEYS;
        if (other.has(entry.name)) {
          ctx.report({ message: misplaced(entry.key, section.ini.name, section.kind === 'core'), span: entry.keySpan });
          continue;
        }
        const guess = suggestKey(entry.name, known);
        if (!guess || extends_(entry.name, guess)) continue;
        ctx.report({
          message: `unknown key \`${entry.key}\` in [${section.ini.name}]; tox ignores it — did you mean \`${guess}\`?`,
          span: entry.keySpan,
        });
      }
    }
  },
});
