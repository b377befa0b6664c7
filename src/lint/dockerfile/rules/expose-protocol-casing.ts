import { defineRule } from '../../engine/types.js';
import { exposedPorts } from '../expose.js';
import type { DockerfileDoc } from '../model.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/expose-protocol-casing',
    kind: 'dockerfile',
    severity: 'style',
    description: 'The protocol of an EXPOSE port is not in lower case (`80/TCP`).',
    rationale:
      'Docker lower-cases the protocol, so `80/TCP` works, but image metadata, compose files and Kubernetes manifests ' +
      'write `tcp`/`udp`; BuildKit warns about other spellings (ExposeProtoCasing). hadolint has no such rule.',
    howToFix: 'Write the protocol in lower case (`--fix` does it): `EXPOSE 53/udp`.',
    fixable: true,
    aliases: [],
    examples: {
      bad: [
        { code: 'FROM nginx:1.27\nEXPOSE 80/TCP\n', output: 'FROM nginx:1.27\nEXPOSE 80/tcp\n' },
        { code: 'FROM coredns/coredns:1.11.3\nEXPOSE 53/Udp 53/tcp\n', output: 'FROM coredns/coredns:1.11.3\nEXPOSE 53/udp 53/tcp\n' },
      ],
      good: [
        { code: 'FROM nginx:1.27\nEXPOSE 80/tcp 443\n' },
        { code: 'FROM coredns/coredns:1.11.3\nEXPOSE 53/udp\n' },
      ],
    },
  },
  check(ctx) {
    for (const port of exposedPorts(ctx.doc)) {
      const protocol = port.protocol;
      if (!protocol || protocol.value === protocol.value.toLowerCase()) continue;
      const literal = ctx.doc.text.slice(protocol.span.start, protocol.span.end) === protocol.value;
      ctx.report({
        message: `write the protocol in lower case: \`${protocol.value.toLowerCase()}\`, not \`${protocol.value}\``,
        span: protocol.span,
        ...(literal ? { fix: { range: [protocol.span.start, protocol.span.end] as [number, number], text: protocol.value.toLowerCase() } } : {}),
      });
    }
  },
});
