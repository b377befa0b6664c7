import { defineRule } from '../../engine/types.js';
import { removesDir, rpmActionName, rpmCleansAll, rpmFillsCache } from '../../shell/packages.js';
import type { DockerfileDoc } from '../model.js';
import { reportUncleanedCache, RPM_CACHE_DIRS, rpmSpan } from '../package-cache.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/yum-cache-not-cleaned',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'A RUN installs with `yum` but does not run `yum clean all` afterwards.',
    rationale:
      'yum keeps the repository metadata (often 100 MB and more) and, with keepcache, the downloaded packages in ' +
      '/var/cache/yum. Unless the same RUN cleans them, they stay in that layer of the image for good: a clean-up in ' +
      'a later RUN does not shrink the image. As in hadolint (DL3032), `yum clean all` or removing /var/cache/yum ' +
      'after the install counts. Unlike hadolint, the clean-up must come after the last install (hadolint accepts one ' +
      'anywhere), `yum clean packages` alone (which leaves the metadata) does not count, updates and `makecache` ' +
      'fill the cache too, a cache or tmpfs mount on /var/cache/yum (or /var/cache/dnf) counts as clean-up, and only ' +
      'stages that end up in the final image are checked: a builder stage\'s cache is thrown away with it.',
    howToFix:
      'End the RUN with `&& yum clean all` (add `&& rm -rf /var/cache/yum` to drop everything), or keep the cache out ' +
      'of the image with `RUN --mount=type=cache,target=/var/cache/yum yum install -y …`.',
    fixable: false,
    aliases: ['DL3032'],
    examples: {
      bad: [
        { code: 'FROM centos:7\nRUN yum install -y httpd-2.4.6\n' },
        { code: 'FROM centos:7\nRUN yum clean all && yum install -y httpd-2.4.6\n', note: 'the clean-up must come after the install' },
      ],
      good: [
        { code: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 \\\n && yum clean all \\\n && rm -rf /var/cache/yum\n' },
        { code: 'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd-2.4.6\n', note: 'a cache mount keeps it out of the layer' },
        { code: 'FROM centos:7 AS build\nRUN yum install -y gcc-4.8.5\nFROM scratch\nCOPY --from=build /etc/os-release /\n', note: 'a builder stage' },
      ],
    },
  },
  check(ctx) {
    reportUncleanedCache(ctx, {
      fills: (cmd) => cmd.name === 'yum' && rpmFillsCache(cmd),
      cleans: (cmd) => rpmCleansAll(cmd) || removesDir(cmd, RPM_CACHE_DIRS),
      dirs: RPM_CACHE_DIRS,
      span: rpmSpan,
      message: (cmd) =>
        `\`yum ${rpmActionName(cmd)}\` leaves its metadata and package cache in this layer; end the same RUN with \`yum clean all\` or mount a cache on /var/cache/yum`,
    });
  },
});
