import { matchThenRestOfText } from '../../../util/linear-match.js';
import { defineRule } from '../../engine/types.js';
import { isToxSection, settingOf, type ToxDoc, type ToxSection } from '../model.js';

const COMMAND_KEYS = new Set(['commands', 'commands_pre', 'commands_post']);
/** `pip install`, then the rest of the command line (`(.*)$`, matched by matchThenRestOfText). */
const PIP_INSTALL = /(?:^|[\s;&|/(])(pip[\d.]*\s+install)\b/g;

/** Installs that `deps` cannot express: reinstalling over tox's own install, or upgrading the installer. */
function deliberate(args: string): boolean {
  const words = args.trim().split(/\s+/);
  if (words.some((w) => ['--force-reinstall', '--reinstall', '--no-deps', '--pre'].includes(w))) return true;
  const packages = words.filter((w) => !w.startsWith('-'));
  return packages.length > 0 && packages.every((p) => /^(pip|setuptools|wheel|uv)([<>=!~].*)?$/.test(p));
}

/** Installs the project itself (`.`, `-e .[extra]`). */
function installsProject(args: string): boolean {
  return args.trim().split(/\s+/).some((w) => /^\.(\[[^\]]*\])?$/.test(w));
}

/** `skip_install = true` in the section or in `[testenv]`: the env installs the project itself, on purpose. */
function skipsInstall(section: ToxSection, doc: ToxDoc): boolean {
  const value = (settingOf(section, 'skip_install') ?? settingOf(doc.base, 'skip_install'))?.lines[0]?.content;
  return /^true$/i.test(value ?? '');
}

function advice(args: string): string {
  const words = args.trim().split(/\s+/);
  if (installsProject(args)) {
    return 'tox already installs the project; for an editable install set `package = editable` (or `use_develop = true`)';
  }
  if (words.some((w) => /^-r|^--requirement/.test(w))) return 'put `-r <file>` in `deps` instead';
  return 'list the packages in `deps` instead';
}

export default defineRule<ToxDoc>({
  meta: {
    id: 'tox/pip-install-in-commands',
    kind: 'tox',
    severity: 'warning',
    description: '`commands` install packages with `pip install` instead of declaring them in `deps`.',
    rationale:
      'tox installs `deps` when it creates the environment, records them and recreates the environment when they ' +
      'change. A `pip install` in `commands` runs on every invocation (slow, needs the network each time), is ' +
      'invisible to `tox --recreate` bookkeeping and to `tox -e … --notest` set-ups, and installs after the project ' +
      'itself, so its pins can silently replace what the project declared. Lines that deliberately reinstall over ' +
      'tox\'s install (`--force-reinstall`, `--reinstall`, `--no-deps`, `--pre`) or only upgrade pip, setuptools or ' +
      'wheel are left alone: `deps` cannot express them; so is installing the project in an env that sets ' +
      '`skip_install = true` to control that itself.',
    howToFix:
      'Move the requirements to `deps` (`deps = -r requirements/test.txt`); for the project in editable mode use ' +
      '`package = editable`.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: '[testenv]\ncommands =\n    pip install -r requirements-test.txt\n    pytest\n' },
        { code: '[testenv]\ncommands_pre = python -m pip install -e .\ncommands = pytest\n' },
      ],
      good: [
        { code: '[testenv]\ndeps = -r requirements-test.txt\ncommands = pytest\n' },
        { code: '[testenv]\npackage = editable\ninstall_command = python -m pip install {opts} {packages}\ncommands = pytest\n' },
      ],
    },
  },
  check(ctx) {
    for (const section of ctx.doc.sections) {
      if (!isToxSection(section)) continue;
      for (const setting of section.settings) {
        if (!COMMAND_KEYS.has(setting.entry.name)) continue;
        for (const line of setting.lines) {
          const found = matchThenRestOfText(PIP_INSTALL, line.content);
          if (!found || deliberate(found.rest) || (installsProject(found.rest) && skipsInstall(section, ctx.doc))) continue;
          const m = found.match;
          const start = line.contentSpan.start + m.index + m[0].length - m[1]!.length;
          ctx.report({
            message: `\`${setting.entry.key}\` runs \`pip install\` on every tox run; ${advice(found.rest)}`,
            span: { start, end: start + m[1]!.length },
          });
        }
      }
    }
  },
});
