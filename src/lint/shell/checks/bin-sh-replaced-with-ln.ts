import { hasFlag, positionals } from '../args.js';
import { defineShellCheck, type ShellCheckContext } from '../check.js';
import type { ShellCommand, ShellScript } from '../model.js';

const SH = ['/bin/sh', '/usr/bin/sh'];

/** True when /bin/sh was deleted or moved away before `ln` (in this RUN or an earlier one). */
function removed(ctx: ShellCheckContext, ln: ShellCommand): boolean {
  return ctx.script.commands.some((c) => c.index < ln.index && removesSh(c)) || ctx.earlier.some(scriptRemovesSh);
}

function removesSh(c: ShellCommand): boolean {
  return (c.name === 'rm' || c.name === 'mv' || c.name === 'unlink') && positionals(c).some((w) => w.value !== undefined && SH.includes(w.value));
}

function scriptRemovesSh(script: ShellScript): boolean {
  return script.commands.some(removesSh);
}

export default defineShellCheck({
  name: 'bin-sh-replaced-with-ln',
  hosts: ['dockerfile'],
  aliases: { dockerfile: ['DL4005'] },
  severity: 'warning',
  description: '`ln` replaces /bin/sh to change the shell RUN uses.',
  rationale:
    'Pointing /bin/sh at bash changes the shell of every program in the image that runs `sh` (package scripts, ' +
    'entrypoints, `system()` calls), not only of the Dockerfile, and hides the change in a RUN. The SHELL ' +
    'instruction changes the shell of later RUN, CMD and ENTRYPOINT (shell form) explicitly and leaves the system ' +
    'alone. As in hadolint (DL4005); unlike hadolint, only an `ln` that replaces /bin/sh (or /usr/bin/sh) is ' +
    'reported: one with `-f` or `-b`, or after an `rm` of /bin/sh. A link that merely points at /bin/sh, or that ' +
    'creates /bin/sh where there was none (a BusyBox shell added to a distroless image; without `-f`, `ln` fails ' +
    'when the file exists), is fine.',
  howToFix: 'Remove the `ln` and add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUNs that need bash.',
  fixable: false,
  examples: {
    bad: [
      { script: 'ln -sf /bin/bash /bin/sh' },
      { script: 'rm /bin/sh && ln -s bash /bin/sh' },
    ],
    good: [
      { script: 'ln -s /bin/sh /usr/local/bin/sh', note: 'a link to /bin/sh leaves /bin/sh alone' },
      { script: 'ln -sf /usr/share/zoneinfo/UTC /etc/localtime' },
      { script: 'ln -s /busybox/sh /bin/sh', image: 'gcr.io/distroless/static-debian12:debug', note: 'creates a missing /bin/sh' },
    ],
  },
  check(ctx) {
    for (const cmd of ctx.script.commands) {
      if (cmd.name !== 'ln') continue;
      const operands = positionals(cmd);
      const target = operands.length >= 2 ? operands[operands.length - 1] : undefined;
      if (target?.value === undefined || !SH.includes(target.value.replace(/(?<!\/)\/+$/, ''))) continue;
      if (!hasFlag(cmd, '-f', '--force', '-b', '--backup') && !removed(ctx, cmd)) continue;
      ctx.report({
        message: `\`ln … ${target.value}\` swaps the system shell for every program in the image; use a SHELL instruction to choose the shell of RUN instead`,
        span: target.span,
      });
    }
  },
});
