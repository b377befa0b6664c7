import { defineRule } from '../../engine/types.js';
import { exposedPorts, portRange } from '../expose.js';
import type { DockerfileDoc } from '../model.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/expose-ssh-port',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'The image exposes port 22 (SSH).',
    rationale:
      'An SSH server in an application container is one more service to patch and a door with credentials to ' +
      'manage; `docker exec` and `kubectl exec` give a shell without it. Trivy (DS-0004) and Checkov (CKV_DOCKER_1) ' +
      'report it; hadolint has no such rule. TCP ports and ranges that include 22 are reported, a UDP port 22 is not.',
    howToFix: 'Remove `EXPOSE 22` and the SSH server; use `docker exec -it <container> sh` to get a shell.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-server && rm -rf /var/lib/apt/lists/*\nEXPOSE 22\n' },
        { code: 'FROM ubuntu:24.04\nEXPOSE 80 20-25/tcp\n', note: 'a range that includes 22' },
      ],
      good: [
        { code: 'FROM nginx:1.27\nEXPOSE 80 443\n' },
        { code: 'FROM nginx:1.27\nEXPOSE 2222/udp 22/udp\n' },
      ],
    },
  },
  check(ctx) {
    for (const port of exposedPorts(ctx.doc)) {
      if (port.protocol && port.protocol.value.toLowerCase() !== 'tcp') continue;
      const range = portRange(port.containerPort.value);
      if (!range || range[0] > 22 || range[1] < 22) continue;
      ctx.report({
        message: `port 22 (SSH) is exposed${port.value !== '22' ? ` by \`${port.value}\`` : ''}; do not run an SSH server in the container, use \`docker exec\` for a shell`,
        span: port.containerPort.span,
      });
    }
  },
});
