import { hasFlag, positionals, subcommand } from '../args.js';
import { defineShellCheck, type ShellCheckContext } from '../check.js';
import type { ShellScript } from '../model.js';

/**
 * True when `wget` is BusyBox's: an Alpine or BusyBox image where no RUN so far installed GNU wget. BusyBox
 * wget prints a few lines per download, and rejects `--progress`.
 */
function busyboxWget(ctx: ShellCheckContext): boolean {
  if (ctx.image === undefined || !/alpine|busybox/i.test(ctx.image)) return false;
  return !(installsWget(ctx.script) || ctx.earlier.some(installsWget));
}

function installsWget(script: ShellScript): boolean {
  return script.commands.some((c) => c.name === 'apk' && subcommand(c)?.value === 'add' && positionals(c).some((w) => w.value === 'wget'));
}

export default defineShellCheck({
  name: 'wget-missing-progress-option',
  hosts: ['dockerfile', 'gitlab-ci'],
  aliases: { dockerfile: ['DL3047'] },
  severity: 'info',
  description: '`wget` without an option that tames its progress output.',
  rationale:
    'Without a terminal, GNU wget prints its progress as rows of dots, one row per 50 KB: downloading a 200 MB ' +
    'archive writes thousands of lines into the build or job log, hiding the output that matters and slowing log ' +
    'viewers. As in hadolint (DL3047), `--progress=…`, `-q`/`--quiet`, `-nv`/`--no-verbose` and logging to a file ' +
    '(`-o`, `-a`) count. Unlike hadolint, BusyBox wget (Alpine and BusyBox images, unless GNU wget was installed) is ' +
    'not reported: it prints a few lines per download, and it rejects the `--progress` option hadolint asks for.',
  howToFix: 'Add `--progress=dot:giga` (one dot per megabyte) or `-nv` for GNU wget; use `-q` with BusyBox wget (Alpine), which knows no --progress.',
  fixable: false,
  examples: {
    bad: [
      { script: 'wget https://example.com/tool.tar.gz -O /tmp/tool.tar.gz' },
      { script: 'wget -O- https://example.com/install.sh | sh', note: 'the progress goes to stderr even when the file goes to stdout' },
    ],
    good: [
      { script: 'wget --progress=dot:giga https://example.com/tool.tar.gz -O /tmp/tool.tar.gz' },
      { script: 'wget -qO /tmp/tool.tar.gz https://example.com/tool.tar.gz && wget -nv https://example.com/b.tgz' },
      { script: 'wget -O /tmp/tool.tar.gz https://example.com/tool.tar.gz', image: 'alpine:3.20', note: 'BusyBox wget' },
    ],
  },
  check(ctx) {
    if (busyboxWget(ctx)) return;
    for (const cmd of ctx.script.commands) {
      if (cmd.name !== 'wget' || !cmd.nameWord) continue;
      // `-nv` is one option in wget, but reads as -n -v in a cluster of short options.
      if (cmd.args.some((a) => a.value === '-nv' || (a.value?.startsWith('-nv') ?? false))) continue;
      if (hasFlag(cmd, '--progress', '-q', '--quiet', '--no-verbose', '-o', '--output-file', '-a', '--append-output')) continue;
      ctx.report({
        message: '`wget` without a progress option fills the log with a row of dots per 50 KB; add `--progress=dot:giga` (or `-nv`, or `-q`)',
        span: cmd.nameWord.span,
      });
    }
  },
});
