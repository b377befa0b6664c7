import { aptConfigured, aptOption, aptQuietLevel, aptSubcommand, aptTrue, APT_PROMPTING_SUBCOMMANDS } from '../apt.js';
import { hasFlag, subcommand } from '../args.js';
import { defineShellCheck } from '../check.js';

export default defineShellCheck({
  name: 'apt-get-missing-yes',
  hosts: ['dockerfile', 'gitlab-ci'],
  aliases: { dockerfile: ['DL3014'] },
  severity: 'warning',
  description: '`apt-get install` (or another changing subcommand) without `-y`.',
  rationale:
    'Without `-y`, apt-get asks "Do you want to continue? [Y/n]" before installing more than the named packages, ' +
    'and a build or a CI job has nobody to answer: apt-get aborts and the step fails, or it happens to pass until a ' +
    'dependency is added. `DEBIAN_FRONTEND=noninteractive` does not answer this question. Like hadolint, `-qq` (quiet ' +
    'level 2 implies yes) and `-o APT::Get::Assume-Yes=true` count as an answer, and so do `yes |`, a simulation ' +
    '(`-s`) and `APT::Get::Assume-Yes "true";` written to an APT configuration file by an earlier RUN. Beyond ' +
    "hadolint's DL3014, slipway also checks `apt` and `aptitude` and every prompting subcommand (remove, purge, " +
    'upgrade, dist-upgrade…), not only install.',
  howToFix: 'Add `-y` after the subcommand: `apt-get install -y --no-install-recommends curl`.',
  fixable: true,
  examples: {
    bad: [
      { script: 'apt-get update && apt-get install curl', output: 'apt-get update && apt-get install -y curl' },
      { script: 'sudo apt-get -q install --no-install-recommends ca-certificates', output: 'sudo apt-get -q install -y --no-install-recommends ca-certificates', note: 'sudo is seen through; -q alone does not answer' },
      { script: 'apt-get purge curl', output: 'apt-get purge -y curl' },
    ],
    good: [
      { script: 'apt-get update && apt-get install -y --no-install-recommends curl' },
      { script: 'apt-get install -qq curl', note: 'quiet level 2 implies -y' },
      { script: 'yes | apt-get install curl' },
      { script: 'apt-get -o APT::Get::Assume-Yes=true install curl' },
      { script: "echo 'APT::Get::Assume-Yes \"true\";' > /etc/apt/apt.conf.d/90yes && apt-get install curl", note: 'configured in a file' },
    ],
  },
  check(ctx) {
    if (aptTrue(aptConfigured(ctx.earlier, ctx.script, 'APT::Get::Assume-Yes'))) return;
    for (const cmd of ctx.script.commands) {
      const sub = aptSubcommand(cmd);
      if (sub === undefined || !APT_PROMPTING_SUBCOMMANDS.includes(sub)) continue;
      if (hasFlag(cmd, '-y', '--yes', '--assume-yes') || aptQuietLevel(cmd) >= 2) continue;
      if (hasFlag(cmd, '-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act')) continue;
      if (aptTrue(aptOption(cmd, 'APT::Get::Assume-Yes'))) continue;
      const feeder = cmd.pipeline?.commands[cmd.pipeline.commands.indexOf(cmd) - 1];
      if (feeder?.name === 'yes') continue;
      const subWord = subcommand(cmd)!;
      const where = ctx.host === 'dockerfile' ? 'a build' : 'a CI job';
      ctx.report({
        message: `\`${cmd.name} ${sub}\` without \`-y\` waits for a confirmation that never comes in ${where}; add \`-y\``,
        span: { start: cmd.nameWord!.span.start, end: subWord.span.end },
        fix: { range: [subWord.span.end, subWord.span.end], text: ' -y' },
      });
    }
  },
});
