import { positionals } from '../args.js';
import { defineShellCheck } from '../check.js';
import type { ShellCommand, ShellScript } from '../model.js';

/** What each command does wrong in a build, as the end of a message. */
const WHY: Record<string, string> = {
  ssh: 'a build has no terminal or keys to log in with; fetch private sources with `RUN --mount=type=ssh` or a build secret',
  vim: 'an interactive editor waits for a terminal that a build does not have; edit files with sed, COPY or a here-document',
  shutdown: 'there is no machine to shut down in a build container',
  service: 'a service started in a RUN stops when the RUN ends; start it from CMD or ENTRYPOINT',
  ps: 'it lists the processes of the build container, which are gone when the RUN ends',
  free: "it shows the build machine's memory, not the running container's",
  top: "it shows the build container's processes and waits for a terminal",
  kill: 'the processes of the running container do not exist yet at build time',
  mount: 'a mount made in a RUN vanishes when it ends (and needs privileges a build lacks); use `RUN --mount` or a volume',
};

/** True when the script runs something in the background or starts a service and then does more work. */
function managesProcesses(script: ShellScript): boolean {
  if (script.commands.some((c) => c.context.background)) return true;
  return script.commands.some((c, i) => c.name === 'service' && /^(start|restart)$/.test(positionals(c)[1]?.value ?? '') && script.commands.slice(i + 1).some((n) => n.name !== 'service'));
}

/** True when `vim` runs a script rather than an editing session (`vim +PlugInstall +qall`, `vim -es -c …`). */
function scriptedVim(cmd: ShellCommand): boolean {
  return cmd.args.some((a) => a.value === undefined || a.value.startsWith('+') || a.value.startsWith('-'));
}

export default defineShellCheck({
  name: 'pointless-command',
  hosts: ['dockerfile'],
  aliases: { dockerfile: ['DL3001'] },
  severity: 'info',
  description: 'A command that makes no sense in an image build: ssh, vim, shutdown, service, ps, free, top, kill, mount.',
  rationale:
    'A RUN runs once, without a terminal, in a throw-away container whose processes end with the RUN: starting a ' +
    'service, killing or listing processes, mounting a filesystem, opening an editor or logging in somewhere has ' +
    'no lasting effect on the image, or hangs. These are things to do in the running container, or through ' +
    'Dockerfile features (CMD, `RUN --mount`). As in hadolint (DL3001), installing the packages is fine. Unlike ' +
    'hadolint, slipway does not report the well-known build patterns that use them on purpose: `service`, `ps` and ' +
    '`kill` in a RUN that starts something in the background or starts a service and then works with it (to ' +
    'initialise a database), `vim` run as a script (`vim +PlugInstall +qall`, `vim -es -c …`), and `ssh` with a ' +
    '`--mount=type=ssh` agent. Not checked in CI jobs, where ssh and services are ordinary.',
  howToFix:
    'Drop the command, or move it where it has an effect: the service into CMD/ENTRYPOINT (or a process supervisor), ' +
    'the mount into `RUN --mount=…` or `docker run -v`, private Git access into `RUN --mount=type=ssh`.',
  fixable: false,
  examples: {
    bad: [
      { script: 'apt-get update && apt-get install -y --no-install-recommends nginx && service nginx start' },
      { script: 'vim /etc/nginx/nginx.conf' },
      { script: 'ps aux && free -m' },
    ],
    good: [
      { script: 'apt-get install -y --no-install-recommends vim procps openssh-client', note: 'installing the tools is fine' },
      { script: 'service postgresql start && psql -c "CREATE DATABASE app" && service postgresql stop', note: 'the service is used within the RUN' },
      { script: 'vim +PlugInstall +qall' },
    ],
  },
  check(ctx) {
    const exempt = managesProcesses(ctx.script);
    for (const cmd of ctx.script.commands) {
      const name = cmd.name;
      if (name === undefined || !(name in WHY) || !cmd.nameWord) continue;
      if (exempt && (name === 'service' || name === 'ps' || name === 'kill' || name === 'top')) continue;
      if (name === 'vim' && scriptedVim(cmd)) continue;
      if (name === 'ssh' && ctx.mounts.some((m) => m.type === 'ssh')) continue;
      ctx.report({ message: `\`${name}\` in a RUN has no lasting effect: ${WHY[name]}`, span: cmd.nameWord.span });
    }
  },
});
