import { defineRule } from '../../engine/types.js';
import type { AddInstruction, DockerfileDoc } from '../model.js';

const GIT_URL = /^(?:git@[^:/]+:|git:\/\/|ssh:\/\/|https?:\/\/[^#?\s]+\.git(?:[#?]|$))/i;
const HTTP_URL = /^https?:\/\//i;
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;

/** The ref a git source asks for (`#v1.2:subdir`, `?ref=v1.2`, `?commit=…`); undefined for the default branch. */
function gitRef(url: string): { ref: string | undefined; checksum: boolean } {
  const hash = url.indexOf('#');
  const query = url.indexOf('?');
  const params = new URLSearchParams(query >= 0 ? url.slice(query + 1, hash > query ? hash : undefined) : '');
  const fromFragment = hash >= 0 ? url.slice(hash + 1).split(':')[0] : undefined;
  const ref = params.get('commit') ?? params.get('ref') ?? params.get('tag') ?? params.get('branch') ?? (fromFragment || undefined);
  return { ref, checksum: params.has('checksum') };
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/add-remote-without-checksum',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'ADD downloads a URL without `--checksum`, or a git repository at a ref that can move.',
    rationale:
      'ADD of a URL puts whatever the server returns at build time into the image, unchecked: a compromised, ' +
      'moved or republished file changes the image without a change in the Dockerfile, and the build cannot be ' +
      'reproduced. BuildKit verifies the download when the digest is given (`ADD --checksum=sha256:… URL DEST`, ' +
      'Dockerfile syntax 1.6 and later) and can then also cache it. A git source (`ADD https://…/repo.git#v1.2 /src`) ' +
      'at a branch or tag gets whatever commit the ref points to that day; a full commit hash pins it. hadolint\'s ' +
      'DL3020 only asks for COPY instead of ADD for local files; Trivy (DS-0005) and Checkov (CKV_DOCKER_4) flag ' +
      'every ADD.',
    howToFix:
      'Add the expected digest: `ADD --checksum=sha256:<digest> https://example.com/tool.tar.gz /tmp/` (get it with ' +
      '`sha256sum` on a download you trust, or from the project\'s published checksums). For a git repository, name ' +
      'the full commit: `ADD https://github.com/org/repo.git#<40-hex commit> /src`. Without BuildKit, download in a ' +
      'RUN and check with `sha256sum -c`.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'FROM debian:bookworm-slim\nADD https://example.com/tool-1.2.3.tar.gz /tmp/\n' },
        { code: 'FROM golang:1.26 AS build\nADD https://github.com/example/lib.git#v1.2.3 /src\n', note: 'a tag can be moved' },
      ],
      good: [
        { code: '# syntax=docker/dockerfile:1\nFROM debian:bookworm-slim\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool-1.2.3.tar.gz /tmp/\n' },
        { code: 'FROM golang:1.26 AS build\nADD https://github.com/example/lib.git#5f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c /src\n', note: 'pinned to a commit' },
        { code: 'FROM debian:bookworm-slim\nADD rootfs.tar.gz /\n', note: 'a local archive' },
      ],
    },
  },
  check(ctx) {
    for (const add of ctx.doc.find('ADD', { triggers: true }) as AddInstruction[]) {
      const checksum = add.flag('checksum');
      for (const source of add.sources) {
        const url = source.value;
        if (GIT_URL.test(url)) {
          const { ref, checksum: inQuery } = gitRef(url);
          if (checksum || inQuery || (ref !== undefined && COMMIT.test(ref))) continue;
          ctx.report({
            message: ref
              ? `ADD of a git repository at \`${ref}\`, a branch or tag that can point to another commit later; pin the full commit hash (\`#<commit>\`)`
              : 'ADD of a git repository without a ref gets whatever its default branch holds at build time; pin the full commit hash (`#<commit>`)',
            span: source.span,
          });
        } else if (HTTP_URL.test(url) && !checksum) {
          ctx.report({
            message: 'ADD downloads this URL without `--checksum`: whatever the server returns goes into the image unchecked; add `--checksum=sha256:<digest>`',
            span: source.span,
          });
        }
      }
    }
  },
});
