import { defineRule } from '../../engine/types.js';
import { exposedPorts, portRange } from '../expose.js';
import type { DockerfileDoc } from '../model.js';

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);
const MAX_PORT = 65535;

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/expose-invalid-port',
    kind: 'dockerfile',
    severity: 'error',
    description: 'An EXPOSE port is not a port number (0–65535), a valid range, or a known protocol.',
    rationale:
      'Ports are 16-bit numbers: Docker refuses `EXPOSE 80000`, a range whose end is below its start, a port that is ' +
      'not a number, and a protocol other than tcp, udp or sctp, and the build fails. hadolint (DL3011) checks the ' +
      'upper bound of ports and ranges; slipway checks the whole syntax as BuildKit parses it, after substituting ' +
      'ARG/ENV values (`EXPOSE $PORT`).',
    howToFix: 'Write the port the application listens on, e.g. `EXPOSE 8080`, `EXPOSE 8000-8010/tcp` or `EXPOSE 53/udp`.',
    fixable: false,
    aliases: ['DL3011'],
    examples: {
      bad: [
        { code: 'FROM nginx:1.27\nEXPOSE 80000\n' },
        { code: 'FROM nginx:1.27\nEXPOSE 8000-70000\n', note: 'a range' },
        { code: 'FROM nginx:1.27\nARG PORT=http\nEXPOSE $PORT 53/dns\n', note: 'not a number; not a protocol' },
      ],
      good: [
        { code: 'FROM nginx:1.27\nEXPOSE 80 443/tcp 8000-8010 53/udp\n' },
        { code: 'FROM python:3.12-slim\nARG PORT=8000\nEXPOSE ${PORT}\n' },
        { code: 'FROM python:3.12-slim\nARG PORT\nEXPOSE $PORT\n', note: 'only known at build time' },
      ],
    },
  },
  check(ctx) {
    for (const port of exposedPorts(ctx.doc)) {
      const { containerPort, protocol } = port;
      const via = port.usesVariables ? ` (\`${port.token.value}\` resolves to \`${port.value}\`)` : '';
      const range = portRange(containerPort.value);
      if (containerPort.value === '' || !range) {
        ctx.report({ message: `\`${containerPort.value}\` is not a port number${via}; EXPOSE takes a number from 0 to 65535, or a range such as 8000-8010`, span: containerPort.span });
      } else if (range[0] > MAX_PORT || range[1] > MAX_PORT) {
        ctx.report({ message: `port \`${containerPort.value}\` is out of range${via}; ports go from 0 to 65535`, span: containerPort.span });
      } else if (range[1] < range[0]) {
        ctx.report({ message: `port range \`${containerPort.value}\` ends before it starts${via}; write it as ${range[1]}-${range[0]}`, span: containerPort.span });
      }
      if (protocol && protocol.value !== '' && !PROTOCOLS.has(protocol.value.toLowerCase())) {
        ctx.report({ message: `\`${protocol.value}\` is not a protocol Docker knows${via}; use tcp, udp or sctp`, span: protocol.span });
      }
    }
  },
});
