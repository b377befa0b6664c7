import { defineRule } from '../../engine/types.js';
import { DNF_PROGRAMS, removesDir, rpmActionName, rpmCleansAll, rpmFillsCache } from '../../shell/packages.js';
import type { DockerfileDoc } from '../model.js';
import { reportUncleanedCache, RPM_CACHE_DIRS, rpmSpan } from '../package-cache.js';

/** Where each tool keeps its cache. */
const CACHE_OF: Record<string, string> = { dnf: '/var/cache/dnf', tdnf: '/var/cache/tdnf', dnf5: '/var/cache/libdnf5', microdnf: '/var/cache/yum' };

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/dnf-cache-not-cleaned',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'A RUN installs with `dnf` (or microdnf, dnf5, tdnf) but does not run `dnf clean all` afterwards.',
    rationale:
      'dnf keeps the repository metadata (often 100 MB and more) in /var/cache/dnf (/var/cache/libdnf5 for dnf5, ' +
      '/var/cache/yum for microdnf). Unless the same RUN cleans it, it stays in that layer of the image for good: a ' +
      'clean-up in a later RUN does not shrink the image. As in hadolint (DL3040), `dnf clean all` after the install, ' +
      'removing the cache directory, or a cache mount on it count, for dnf and microdnf. Unlike hadolint, dnf5 and ' +
      'tdnf are checked, `clean packages` alone (which leaves the metadata) does not count, upgrades, `group ' +
      'install` and `makecache` fill the cache too, and only stages that end up in the final image are checked: a ' +
      "builder stage's cache is thrown away with it.",
    howToFix:
      'End the RUN with `&& dnf clean all` (microdnf: `&& microdnf clean all`), or keep the cache out of the image ' +
      'with `RUN --mount=type=cache,target=/var/cache/dnf dnf install -y …`.',
    fixable: false,
    aliases: ['DL3040'],
    examples: {
      bad: [
        { code: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n' },
        { code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y shadow-utils-4.9 && microdnf clean packages\n', note: 'clean packages leaves the metadata' },
      ],
      good: [
        { code: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n' },
        { code: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd-2.4.62\n' },
        { code: 'FROM fedora:41\nRUN dnf5 install -y httpd-2.4.62 && rm -rf /var/cache/libdnf5\n' },
      ],
    },
  },
  check(ctx) {
    reportUncleanedCache(ctx, {
      fills: (cmd) => cmd.name !== undefined && DNF_PROGRAMS.includes(cmd.name) && rpmFillsCache(cmd),
      cleans: (cmd) => rpmCleansAll(cmd) || removesDir(cmd, RPM_CACHE_DIRS),
      dirs: RPM_CACHE_DIRS,
      span: rpmSpan,
      message: (cmd) =>
        `\`${cmd.name} ${rpmActionName(cmd)}\` leaves its metadata cache in this layer; end the same RUN with \`${cmd.name} clean all\` or mount a cache on ${CACHE_OF[cmd.name!]}`,
    });
  },
});
