import { defineRule } from '../../engine/types.js';
import { splitReference } from '../image-ref.js';
import type { DockerfileDoc } from '../model.js';
import { fromReferences, isImageReference, stageOfReference } from '../stage-refs.js';
import type { Span } from '../../engine/types.js';

/** Names Docker Hub goes by. */
const DOCKER_HUB = ['docker.io', 'hub.docker.com', 'index.docker.io', 'registry-1.docker.io'];

/** hadolint's patterns: `*` any registry, `*.example.com` a suffix, `registry.example.*` a prefix, else the exact name. */
export function registryMatches(pattern: string, registry: string): boolean {
  const p = pattern.toLowerCase();
  const r = registry.toLowerCase();
  if (p === '*') return true;
  if (p.startsWith('*')) return r.endsWith(p.slice(1));
  if (p.endsWith('*')) return r.startsWith(p.slice(0, -1));
  return r === p;
}

function trusted(registry: string | undefined, patterns: readonly string[]): boolean {
  const names = registry === undefined || DOCKER_HUB.includes(registry.toLowerCase()) ? DOCKER_HUB : [registry];
  return names.some((name) => patterns.some((p) => registryMatches(p, name)));
}

const options = { trustedRegistries: ['registry.example.com', '*.mirror.example.com'] };

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/untrusted-registry',
    kind: 'dockerfile',
    severity: 'error',
    description: 'An image comes from a registry that is not in the trusted registries.',
    rationale:
      'Organisations pull only from registries they mirror and scan; an image from elsewhere bypasses that review ' +
      'and breaks when the outside registry is unreachable. Runs only when trusted registries are configured ' +
      '(`trustedRegistries` in slipway.yaml or .hadolint.yaml). As in hadolint (DL3026): an image without a ' +
      'registry is Docker Hub (`docker.io` or `hub.docker.com` trusts it), `scratch` and stages are exempt, ' +
      '`*`, `*.example.com` and `registry.*` patterns work, and `COPY --from=<image>` and `RUN --mount=…,from=<image>` ' +
      'are checked too. Unlike hadolint, ARG defaults in FROM are resolved, registries are compared without case, ' +
      'an image given by a variable only known at build time is not judged, and a bare `--from` name that is ' +
      'neither a stage nor a well-known image is taken for a named build context.',
    howToFix: 'Pull the image through a trusted registry (`FROM registry.example.com/library/python:3.12-slim`), or add the registry to `trustedRegistries`.',
    fixable: false,
    aliases: ['DL3026'],
    needsConfig: true,
    examples: {
      bad: [
        { code: 'FROM ghcr.io/acme/base:1.0\n', options },
        { code: 'FROM python:3.12-slim\n', options, note: 'Docker Hub is not trusted here' },
        { code: 'FROM registry.example.com/python:3.12-slim\nCOPY --from=quay.io/acme/tools:1.0 /bin/tool /usr/local/bin/\n', options },
      ],
      good: [
        { code: 'FROM registry.example.com/library/python:3.12-slim AS build\nFROM eu.mirror.example.com/library/alpine:3.20\nCOPY --from=build /app /app\n', options },
        { code: 'FROM python:3.12-slim\nFROM scratch\n', options: { trustedRegistries: ['docker.io'] } },
      ],
    },
  },
  check(ctx) {
    const patterns = ctx.options.trustedRegistries ?? [];
    if (patterns.length === 0) return;
    const { doc } = ctx;
    const report = (registry: string | undefined, image: string, span: Span) => {
      const where = registry ?? 'Docker Hub';
      ctx.report({
        message: `\`${image}\` comes from ${registry ? `\`${where}\`` : where}, which is not a trusted registry (${patterns.join(', ')}); pull it through a trusted registry`,
        span,
      });
    };
    for (const stage of doc.stages) {
      const image = stage.image;
      if (!image || image.stage || image.isScratch || image.name.value === '') continue;
      if (!image.name.known || (image.registry && !image.registry.known)) continue;
      if (trusted(image.registry?.value, patterns)) continue;
      report(image.registry?.value, image.resolved, (image.registry ?? image.name).span);
    }
    for (const ref of fromReferences(doc)) {
      const value = ref.resolved;
      if (value === undefined || value === '' || stageOfReference(doc, value) || !isImageReference(value) || value.toLowerCase() === 'scratch') continue;
      const ranges = splitReference(value);
      const registry = ranges.registry ? value.slice(...ranges.registry) : undefined;
      if (trusted(registry, patterns)) continue;
      report(registry, value, ref.span);
    }
  },
});
