import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/user-not-numeric',
    kind: 'dockerfile',
    severity: 'info',
    description: 'USER names a user instead of a numeric UID.',
    rationale:
      "A user name is looked up in the image's /etc/passwd when the container starts; Kubernetes' " +
      '`runAsNonRoot` cannot verify a name and refuses the pod, and host tools that see the process only know the ' +
      'UID. A numeric UID (and GID) works everywhere. As in hadolint (DL3066), `root` is reported too, and a USER ' +
      'given by a variable is not; for `root` the fix writes `0`. Unlike hadolint, Windows stages (`USER ContainerUser`) ' +
      'are skipped: Windows accounts have no numeric id.',
    howToFix: 'Write the UID (and GID) the user has in the image: `USER 10001:10001`; for root, `USER 0`.',
    fixable: true,
    aliases: ['DL3066'],
    examples: {
      bad: [
        { code: 'FROM python:3.12-slim\nRUN useradd --uid 10001 app\nUSER app\n' },
        { code: 'FROM python:3.12-slim\nUSER root:root\nRUN apt-get update\n', output: 'FROM python:3.12-slim\nUSER 0:0\nRUN apt-get update\n', note: 'root becomes 0' },
      ],
      good: [
        { code: 'FROM python:3.12-slim\nRUN useradd --uid 10001 app\nUSER 10001:10001\n' },
        { code: 'FROM python:3.12-slim\nARG APP_UID=10001\nUSER ${APP_UID}\n', note: 'from a build argument' },
        { code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n', note: 'Windows accounts have no numeric id' },
      ],
    },
  },
  check(ctx) {
    const { text } = ctx.doc;
    for (const ins of ctx.doc.find('USER', { triggers: true })) {
      const user = ins.user;
      if (!user || user.value.includes('$') || ins.stage?.platform === 'windows') continue;
      const [name = '', group] = user.value.split(':');
      if (/^\d+$/.test(name)) continue;
      const raw = text.slice(user.span.start, user.span.end);
      const rootFix = raw === user.value && name === 'root' && (group === undefined || group === 'root' || /^\d+$/.test(group));
      const replacement = group === undefined ? '0' : `0:${group === 'root' ? '0' : group}`;
      ctx.report({
        message: `\`USER ${user.value}\` names a user; use the numeric UID${group !== undefined ? ' and GID' : ''} (${name === 'root' ? `\`${replacement}\`` : 'e.g. `10001:10001`'}) so tools that only see numbers, such as Kubernetes runAsNonRoot, can check it`,
        span: user.span,
        ...(rootFix ? { fix: { range: [user.span.start, user.span.end] as [number, number], text: replacement } } : {}),
      });
    }
  },
});
