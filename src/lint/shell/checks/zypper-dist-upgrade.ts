import { defineShellCheck } from '../check.js';
import { zypperSubcommand } from '../packages.js';

export default defineShellCheck({
  name: 'zypper-dist-upgrade',
  hosts: ['dockerfile'],
  aliases: { dockerfile: ['DL3035'] },
  severity: 'warning',
  description: '`zypper dist-upgrade` (`zypper dup`) in an image build.',
  rationale:
    '`zypper dist-upgrade` upgrades every package to whatever the repositories offer, allowing vendor changes and ' +
    'downgrades, and on Tumbleweed moves to a new snapshot of the distribution: the image no longer matches its ' +
    'base, grows by a layer of replaced files, and differs from one build to the next. Take a newer base image ' +
    'instead. As in hadolint (DL3035); `dup` is the same subcommand.',
  howToFix: 'Remove the dist-upgrade and use a newer base image tag (or digest); install specific updates with `zypper -n up <package>` if you must.',
  fixable: false,
  examples: {
    bad: [
      { script: 'zypper -n dist-upgrade && zypper -n in curl && zypper clean -a', image: 'opensuse/tumbleweed' },
      { script: 'zypper --non-interactive dup --no-recommends', image: 'opensuse/tumbleweed' },
    ],
    good: [
      { script: 'zypper -n in curl && zypper clean -a', image: 'opensuse/leap:15.6' },
      { script: 'zypper -n patch --category security && zypper clean -a', image: 'opensuse/leap:15.6' },
    ],
  },
  check(ctx) {
    for (const cmd of ctx.script.commands) {
      const sub = zypperSubcommand(cmd);
      if (sub?.value !== 'dist-upgrade' && sub?.value !== 'dup') continue;
      ctx.report({
        message: `\`zypper ${sub.value}\` upgrades the whole distribution during the build, so the image drifts from its base and from one build to the next; use a newer base image instead`,
        span: { start: cmd.nameWord!.span.start, end: sub.span.end },
      });
    }
  },
});
