import { defineRule, type Fix } from '../../engine/types.js';
import type { CiImage, CiJob, GitlabCiDoc } from '../model/types.js';
import { ciImageRef, imageBaseName, isLiteralName, tagVersion, versionsAgree, type ImageRef } from '../support/images.js';
import { at } from '../support/report.js';
import { jobsThenTemplates } from '../support/visit.js';
import { valueSpan } from '../yaml/offsets.js';

/** Words of a moving docker tag, dropped when the tag is pinned (`stable-dind` → `dind`). */
const MOVING = new Set(['latest', 'stable', 'edge', 'test', 'rc', 'nightly']);

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/dind-version',
    kind: 'gitlab-ci',
    severity: 'warning',
    description: 'A Docker-in-Docker service (`docker:dind`) without a version, or of another version than the job\'s `docker` client image.',
    rationale:
      '`docker:dind`, `docker:latest` and `docker:stable-dind` name no Docker version: the daemon is whatever release the tag points at when the job starts, and one day the daemon is a major version ahead of the client the job pins, refuses its API version or changes defaults (BuildKit, TLS, cgroups), and builds break with no change in the repository. ' +
      'Docker\'s own guidance for CI is to run the client and the daemon at the same version; a client image `docker:24.0` with a `docker:27-dind` service mixes two releases. ' +
      'Versions are compared as far as both go (`docker:24` and `docker:24.0.7-dind` agree). Variables are resolved with the file\'s `variables:`.',
    howToFix: 'Pin the service to the client\'s version: `image: docker:27.3` with `services: [docker:27.3-dind]`. The fix does that when the client image is pinned.',
    fixable: true,
    aliases: [],
    examples: {
      bad: [
        {
          code: 'build:\n  image: docker:24.0\n  services:\n    - docker:dind\n  script: docker build .\n',
          output: 'build:\n  image: docker:24.0\n  services:\n    - docker:24.0-dind\n  script: docker build .\n',
        },
        {
          code: 'build:\n  image: docker:24.0\n  services:\n    - name: docker:27-dind\n      alias: docker\n  script: docker build .\n',
          output: 'build:\n  image: docker:24.0\n  services:\n    - name: docker:24.0-dind\n      alias: docker\n  script: docker build .\n',
          note: 'client 24.0, daemon 27',
        },
        { code: 'build:\n  image: alpine:3.20\n  services: [docker:stable-dind]\n  script: apk add docker-cli && docker build .\n', note: 'no docker client image to take the version from: no fix' },
      ],
      good: [
        { code: 'build:\n  image: docker:27.3\n  services:\n    - docker:27.3-dind\n  script: docker build .\n' },
        { code: 'build:\n  image: docker:24\n  services:\n    - name: docker:24.0.7-dind-rootless\n      alias: docker\n  script: docker build .\n', note: 'versions agree as far as both go' },
      ],
    },
  },
  check(ctx) {
    const seen = new Set<object>();
    for (const { job, fresh } of jobsThenTemplates(ctx.doc)) {
      const client = job.image ? ciImageRef(ctx.doc, job, job.image) : undefined;
      const clientVersion = client && imageBaseName(client) === 'docker' && !client.digest && client.tag?.known ? versionText(client.tag.value) : undefined;
      for (const service of job.services) {
        if (!fresh(service.node) || !service.name || seen.has(service.name)) continue;
        const ref = ciImageRef(ctx.doc, job, service);
        if (!ref || imageBaseName(ref) !== 'docker' || ref.digest || (ref.tag && !ref.tag.known)) continue;
        const problem = judge(job, ref, clientVersion, client);
        if (!problem) continue;
        seen.add(service.name);
        const fix = clientVersion ? pinFix(service, ref, clientVersion) : undefined;
        ctx.report({ message: problem, ...at(ctx, service.name), ...(fix ? { fix } : {}) });
      }
    }
  },
});

function judge(job: CiJob, ref: ImageRef, clientVersion: string | undefined, client: ImageRef | undefined): string | undefined {
  const service = `service \`${ref.text}\` of job \`${job.name}\``;
  const version = tagVersion(ref.tag?.value);
  if (!version) {
    const moving = ref.tag ? `\`${ref.tag.value}\` names no Docker version` : 'without a tag it is `docker:latest`';
    const advice = clientVersion
      ? `pin it to the version of the job's client image \`${client!.text}\`: \`docker:${clientVersion}-${variant(ref)}\``
      : `pin a version (\`docker:<version>-${variant(ref)}\`) and give the job's docker client image the same version`;
    return `${service} is not pinned: ${moving}, so the daemon is whatever release the tag points at when the job starts; ${advice}`;
  }
  const clientNumbers = tagVersion(clientVersion);
  if (!clientNumbers || versionsAgree(version, clientNumbers)) return undefined;
  return `${service} runs Docker ${version.join('.')} but the job's client image \`${client!.text}\` is Docker ${clientVersion}; run both at one version: \`docker:${clientVersion}-${variant(ref)}\``;
}

/** The version written at the start of a tag (`24.0` of `24.0-cli`). */
function versionText(tag: string): string | undefined {
  return /^v?(\d+(?:\.\d+){0,3})(?![\d])/.exec(tag)?.[1];
}

/** What the tag says besides its version and moving words: `dind` (the default), `dind-rootless`. */
function variant(ref: ImageRef): string {
  const tag = ref.tag?.value ?? '';
  const rest = tag.replace(/^v?\d+(?:\.\d+){0,3}(?:-rc\.?\d+)?-?/, '');
  const words = rest.split('-').filter((w) => w !== '' && !MOVING.has(w.toLowerCase()));
  return words.length > 0 ? words.join('-') : 'dind';
}

/** Rewrites the service's tag to the client's version, when the name is written literally. */
function pinFix(service: CiImage, ref: ImageRef, clientVersion: string): Fix | undefined {
  const name = service.name!;
  const text = `${clientVersion}-${variant(ref)}`;
  const file = name.file.text;
  if (ref.tag) {
    if (!ref.tag.written) return undefined;
    const span = valueSpan(name, ref.tag.written[0], ref.tag.written[1]);
    if (file.slice(span.start, span.end) !== ref.tag.value) return undefined;
    return { range: [span.start, span.end], text };
  }
  if (!isLiteralName(name) || !ref.repository.written) return undefined;
  const end = valueSpan(name, ref.repository.written[0], ref.repository.written[1]).end;
  if (!file.slice(0, end).endsWith(ref.repository.value)) return undefined;
  return { range: [end, end], text: `:${text}` };
}
