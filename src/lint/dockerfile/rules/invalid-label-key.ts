import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** Why a label key breaks Docker's naming guidelines, or undefined when it follows them. */
export function labelKeyProblem(key: string): string | undefined {
  if (RESERVED.some((ns) => key.startsWith(ns))) return `the \`${RESERVED.find((ns) => key.startsWith(ns))}\` namespace is reserved for Docker`;
  const bad = [...new Set(key.replace(/[a-z0-9.-]/g, ''))];
  if (bad.length > 0 && bad.every((c) => /[A-Z]/.test(c))) return `it has upper-case letters; write \`${key.toLowerCase()}\``;
  if (bad.length > 0) return `it has ${bad.map((c) => (c === ' ' ? 'a space' : `\`${c}\``)).join(', ')}; use lower-case letters, digits, \`.\` and \`-\``;
  if (!/^[a-z]/.test(key)) return 'it must start with a letter';
  if (!/[a-z0-9]$/.test(key)) return 'it must end with a letter or digit';
  if (key.includes('..') || key.includes('--')) return 'it has two separators in a row';
  return undefined;
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/invalid-label-key',
    kind: 'dockerfile',
    severity: 'style',
    description: "A LABEL key does not follow Docker's key format (lower-case reverse-DNS, no reserved namespace).",
    rationale:
      "Docker's guidelines ask for lower-case letters, digits, `.` and `-`, starting with a letter and ending with a " +
      'letter or digit, and reserve `com.docker.*`, `io.docker.*` and `org.dockerproject.*`; tools that read ' +
      'labels (registries, OCI annotations, Kubernetes) expect that form, and `Maintainer` and `maintainer` are ' +
      'different labels. Same check as hadolint (DL3048); keys written with a variable are skipped.',
    howToFix: 'Use a lower-case, namespaced key: `LABEL org.opencontainers.image.version="1.2.3"` or `LABEL com.example.team="payments"`.',
    fixable: false,
    aliases: ['DL3048'],
    examples: {
      bad: [
        { code: 'FROM alpine:3.20\nLABEL Version="1.0"\n' },
        { code: 'FROM alpine:3.20\nLABEL com.docker.compose.project="app" build_date="2024-05-01"\n', note: 'a reserved namespace; an underscore' },
      ],
      good: [
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.0" com.example.build-date="2024-05-01"\n' },
        { code: 'FROM alpine:3.20\nLABEL maintainer="jane@example.com"\n' },
      ],
    },
  },
  check(ctx) {
    for (const label of ctx.doc.find('LABEL', { triggers: true })) {
      for (const pair of label.pairs) {
        const key = pair.name.value;
        if (key.includes('$')) continue;
        const problem = labelKeyProblem(key);
        if (problem) ctx.report({ message: `label key \`${key}\` is not a valid label key: ${problem}`, span: pair.name.span });
      }
    }
  },
});
