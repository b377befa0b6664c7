import { defineRule } from '../../engine/types.js';
import { exposedPorts } from '../expose.js';
import type { DockerfileDoc } from '../model.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/expose-host-mapping',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'EXPOSE gives a host port or an IP address (`EXPOSE 8080:80`).',
    rationale:
      'EXPOSE only documents which container ports the application listens on; publishing them on the host is ' +
      'decided by whoever runs the container (`docker run -p 8080:80`, a compose file). BuildKit ignores the host ' +
      'part and warns that it will become an error (ExposeInvalidFormat). hadolint has no such rule.',
    howToFix: 'Keep only the container port (`--fix` does it): `EXPOSE 80`; publish with `docker run -p 8080:80`.',
    fixable: true,
    aliases: [],
    examples: {
      bad: [
        { code: 'FROM nginx:1.27\nEXPOSE 8080:80\n', output: 'FROM nginx:1.27\nEXPOSE 80\n' },
        { code: 'FROM nginx:1.27\nEXPOSE 127.0.0.1:8443:443/tcp 80\n', output: 'FROM nginx:1.27\nEXPOSE 443/tcp 80\n' },
      ],
      good: [
        { code: 'FROM nginx:1.27\nEXPOSE 80 443/tcp\n' },
        { code: 'FROM nginx:1.27\nEXPOSE 8000-8010\n' },
      ],
    },
  },
  check(ctx) {
    for (const port of exposedPorts(ctx.doc)) {
      const first = port.ip ?? port.hostPort;
      if (!first) continue;
      const what = port.ip ? 'an IP address and a host port' : 'a host port';
      const keep = port.containerPort.value + (port.protocol ? `/${port.protocol.value}` : '');
      const literal = !port.usesVariables && ctx.doc.text.slice(port.token.span.start, port.token.span.end) === port.value;
      const span = first.span.start < port.containerPort.span.start ? { start: first.span.start, end: port.containerPort.span.start } : port.token.span;
      ctx.report({
        message: `\`${port.value}\` gives ${what}, which EXPOSE ignores; expose the container port \`${keep}\` and publish it with \`docker run -p\``,
        span,
        ...(literal ? { fix: { range: [first.span.start, port.containerPort.span.start] as [number, number], text: '' } } : {}),
      });
    }
  },
});
