import { aptConfigured, aptFalse, aptOption, aptSubcommand } from '../apt.js';
import { hasFlag, positionals, subcommand } from '../args.js';
import { defineShellCheck } from '../check.js';
import type { Fix } from '../../engine/types.js';
import type { ShellCommand, ShellWord } from '../model.js';

export default defineShellCheck({
  name: 'apt-get-missing-no-install-recommends',
  hosts: ['dockerfile', 'gitlab-ci'],
  aliases: { dockerfile: ['DL3015'] },
  severity: 'info',
  description: '`apt-get install` without `--no-install-recommends`.',
  rationale:
    'By default apt-get also installs the packages the named ones only recommend: documentation, optional tools and ' +
    'their libraries, often doubling what an install adds. They make the image larger and slower to pull (and a CI ' +
    'job slower), and widen what a vulnerability scanner finds. As in hadolint, `-o APT::Install-Recommends=false` ' +
    'counts; slipway also accepts `APT::Install-Recommends "false";` written to an APT configuration file by this ' +
    'RUN or an earlier one.',
  howToFix:
    'Add `--no-install-recommends` after `install`, then add back explicitly any recommended package the software really needs. ' +
    'The fix adds it before the first package (after `-y` and the other options).',
  fixable: true,
  examples: {
    bad: [
      { script: 'apt-get update && apt-get install -y curl', output: 'apt-get update && apt-get install -y --no-install-recommends curl' },
      {
        script: 'apt-get install -y -t bookworm-backports git',
        output: 'apt-get install -y -t bookworm-backports --no-install-recommends git',
        note: 'the -t value is not a package',
      },
    ],
    good: [
      { script: 'apt-get update && apt-get install -y --no-install-recommends curl' },
      { script: 'apt-get install -y -o APT::Install-Recommends=false curl' },
      { script: "echo 'APT::Install-Recommends \"0\";' > /etc/apt/apt.conf.d/norecommends && apt-get install -y curl" },
    ],
  },
  check(ctx) {
    if (aptFalse(aptConfigured(ctx.earlier, ctx.script, 'APT::Install-Recommends'))) return;
    for (const cmd of ctx.script.commands) {
      if (aptSubcommand(cmd) !== 'install' || cmd.name === 'aptitude') continue;
      if (hasFlag(cmd, '--no-install-recommends') || aptFalse(aptOption(cmd, 'APT::Install-Recommends'))) continue;
      const sub = subcommand(cmd)!;
      ctx.report({
        message: `\`${cmd.name} install\` without \`--no-install-recommends\` also installs every recommended package; add \`--no-install-recommends\``,
        span: { start: cmd.nameWord!.span.start, end: sub.span.end },
        fix: insertion(cmd, sub),
      });
    }
  },
});

/**
 * `--no-install-recommends` goes before the first package, so it lands after `-y` whether that was
 * written or is added by apt-get-missing-yes in the same pass; after `install` when there is no
 * package, or when a `--` ends the options (after it, the option would be a package name).
 */
function insertion(cmd: ShellCommand, sub: ShellWord): Fix {
  const first = positionals(cmd)[1];
  const endOfOptions = cmd.args.some((w) => w.value === '--' && (!first || w.span.start < first.span.start));
  if (first && !endOfOptions) return { range: [first.span.start, first.span.start], text: '--no-install-recommends ' };
  return { range: [sub.span.end, sub.span.end], text: ' --no-install-recommends' };
}
