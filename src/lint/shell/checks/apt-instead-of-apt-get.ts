import { aptSubcommand } from '../apt.js';
import { defineShellCheck } from '../check.js';

/** `apt` subcommands that behave exactly as their `apt-get` namesakes, so the swap is safe. */
const SAME_IN_APT_GET = ['install', 'update', 'remove', 'purge', 'autoremove', 'clean', 'autoclean'];

export default defineShellCheck({
  name: 'apt-instead-of-apt-get',
  hosts: ['dockerfile', 'gitlab-ci'],
  aliases: { dockerfile: ['DL3027'] },
  severity: 'warning',
  description: '`apt` used in a script instead of `apt-get` or `apt-cache`.',
  rationale:
    '`apt` is the interactive front end: its output and options may change between releases and it warns "apt does ' +
    'not have a stable CLI interface. Use with caution in scripts." `apt-get` and `apt-cache` are the stable ' +
    'interfaces meant for scripts, builds and CI jobs.',
  howToFix: 'Use `apt-get` (install, update, remove, purge, upgrade…) or `apt-cache` (search, show, policy).',
  fixable: true,
  examples: {
    bad: [
      { script: 'apt update && apt install -y curl', output: 'apt-get update && apt-get install -y curl' },
      { script: 'apt full-upgrade -y', note: 'no automatic fix: apt-get has no full-upgrade (dist-upgrade is close, not equal)' },
    ],
    good: [
      { script: 'apt-get update && apt-get install -y curl' },
      { script: 'apt-cache policy curl' },
    ],
  },
  check(ctx) {
    for (const cmd of ctx.script.commands) {
      if (cmd.name !== 'apt') continue;
      const word = cmd.nameWord!;
      const sub = aptSubcommand(cmd);
      const safe = word.raw === 'apt' && sub !== undefined && SAME_IN_APT_GET.includes(sub);
      ctx.report({
        message: `\`apt${sub ? ` ${sub}` : ''}\` is for interactive use and its command line is not stable; use \`apt-get${sub && SAME_IN_APT_GET.includes(sub) ? ` ${sub}` : ''}\` in scripts`,
        span: word.span,
        ...(safe ? { fix: { range: [word.span.start, word.span.end] as [number, number], text: 'apt-get' } } : {}),
      });
    }
  },
});
