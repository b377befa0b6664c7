import { defineShellCheck } from '../check.js';

export default defineShellCheck({
  name: 'sudo-used',
  hosts: ['dockerfile', 'gitlab-ci'],
  aliases: { dockerfile: ['DL3004'] },
  severity: 'error',
  description: '`sudo` used to run a command.',
  rationale:
    'A Dockerfile RUN already runs as the current USER: to run something as root, switch with `USER root` and back, ' +
    'and to run a container process as another user, use `USER` or a tool such as gosu. `sudo` must be installed and ' +
    'configured for that user, keeps a TTY and signal-forwarding behaviour made for terminals, and leaves a way to ' +
    'become root inside the image. In a CI job that runs in a container, the job is usually root and images seldom ' +
    'have sudo at all. Installing the sudo package is not reported.',
  howToFix: 'Drop `sudo` and run the step as the right user: `USER root` before it (and `USER app` after) in a Dockerfile.',
  fixable: false,
  examples: {
    bad: [
      { script: 'sudo apt-get install -y curl' },
      { script: 'make && sudo -E make install', note: 'found behind && and with options' },
    ],
    good: [
      { script: 'apt-get install -y curl' },
      { script: 'apt-get install -y sudo', note: 'installing sudo is not using it' },
    ],
  },
  check(ctx) {
    for (const cmd of ctx.script.commands) {
      const wrapper = cmd.wrappers.find((w) => w.name === 'sudo');
      const span = wrapper ? wrapper.span : cmd.name === 'sudo' ? cmd.nameWord!.span : undefined;
      if (!span) continue;
      const what = wrapper && cmd.name ? `\`sudo ${cmd.name}\`` : '`sudo`';
      ctx.report({
        message: `${what}: ${ctx.host === 'dockerfile' ? 'a RUN runs as the current USER; switch with `USER root` instead of sudo' : 'run the job as the user it needs instead of calling sudo'}`,
        span,
      });
    }
  },
});
