import { defineShellCheck } from '../check.js';
import { argsWith, fedByYes, insertAfter, zypperSubcommand, ZYPPER_OPTIONS } from '../packages.js';

/** Subcommands (and their short forms) that ask "Continue? [y/n/v/...? shows all options] (y)". */
const PROMPTING = ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch', 'update', 'up', 'dist-upgrade', 'dup', 'install-new-recommends', 'inr'];

export default defineShellCheck({
  name: 'zypper-missing-non-interactive',
  hosts: ['dockerfile', 'gitlab-ci'],
  aliases: { dockerfile: ['DL3034'] },
  severity: 'warning',
  description: '`zypper install` (or another changing subcommand) without `-n`/`--non-interactive` or `-y`.',
  rationale:
    'Without a non-interactive switch, zypper asks "Continue? [y/n/…]" before changing packages, and a build or a ' +
    'CI job has nobody to answer: the step aborts. As in hadolint (DL3034), `-y`/`--no-confirm` after the ' +
    'subcommand and the global `-n`/`--non-interactive` count, and install, remove, source-install and patch are ' +
    'checked. Unlike hadolint, `-n` only counts before the subcommand (after `install` it means `--name`, which ' +
    'answers nothing), update, dist-upgrade and install-new-recommends are checked too, and `yes |` counts.',
  howToFix: 'Put the global `-n` before the subcommand: `zypper -n install curl` (or add `-y` after it).',
  fixable: true,
  examples: {
    bad: [
      { script: 'zypper install curl && zypper clean -a', image: 'opensuse/leap:15.6', output: 'zypper -n install curl && zypper clean -a' },
      { script: 'zypper in -n curl', image: 'opensuse/leap:15.6', output: 'zypper -n in -n curl', note: '-n after the subcommand is --name' },
    ],
    good: [
      { script: 'zypper -n install curl && zypper clean -a', image: 'opensuse/leap:15.6' },
      { script: 'zypper --non-interactive refresh && zypper in -y --no-recommends curl', image: 'opensuse/leap:15.6' },
    ],
  },
  check(ctx) {
    for (const cmd of ctx.script.commands) {
      const sub = zypperSubcommand(cmd);
      if (sub?.value === undefined || !PROMPTING.includes(sub.value)) continue;
      const answered = argsWith(cmd, ZYPPER_OPTIONS).options.some(
        (o) => ['-y', '--no-confirm'].includes(o.name) || (['-n', '--non-interactive'].includes(o.name) && o.word.span.start < sub.span.start),
      );
      if (answered || fedByYes(cmd)) continue;
      ctx.report({
        message: `\`zypper ${sub.value}\` without \`-n\` waits for a confirmation that never comes in ${ctx.host === 'dockerfile' ? 'a build' : 'a CI job'}; write \`zypper -n ${sub.value}\``,
        span: { start: cmd.nameWord!.span.start, end: sub.span.end },
        fix: insertAfter(cmd.nameWord!, '-n'),
      });
    }
  },
});
