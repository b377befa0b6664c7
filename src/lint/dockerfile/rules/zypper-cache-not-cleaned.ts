import { defineRule } from '../../engine/types.js';
import { removesDir, zypperSubcommand } from '../../shell/packages.js';
import type { DockerfileDoc } from '../model.js';
import { reportUncleanedCache } from '../package-cache.js';

const CACHE = ['/var/cache/zypp'];
/** Subcommands that download repository metadata or packages. */
const FILLS = ['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si', 'install-new-recommends', 'inr', 'refresh', 'ref'];

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/zypper-cache-not-cleaned',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'A RUN installs with `zypper` but does not run `zypper clean` afterwards.',
    rationale:
      'zypper keeps the repository metadata and solver caches (tens of megabytes) and any downloaded packages in ' +
      '/var/cache/zypp. Unless the same RUN cleans them, they stay in that layer of the image for good. As in ' +
      'hadolint (DL3036), `zypper clean`/`zypper cc` after the install and a cache or tmpfs mount on /var/cache/zypp ' +
      'count. Unlike hadolint, removing /var/cache/zypp counts too, refresh, update, patch and dist-upgrade fill the ' +
      "cache as well as install, and only stages that end up in the final image are checked: a builder stage's cache " +
      'is thrown away with it.',
    howToFix: 'End the RUN with `&& zypper clean -a` (`-a` also drops the metadata), or mount a cache on /var/cache/zypp.',
    fixable: false,
    aliases: ['DL3036'],
    examples: {
      bad: [
        { code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0\n' },
        { code: 'FROM opensuse/leap:15.6\nRUN zypper -n refresh && zypper clean -a && zypper -n in curl=8.6.0\n', note: 'the clean-up must come after the install' },
      ],
      good: [
        { code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean -a\n' },
        { code: 'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n in curl=8.6.0\n' },
      ],
    },
  },
  check(ctx) {
    reportUncleanedCache(ctx, {
      fills: (cmd) => FILLS.includes(zypperSubcommand(cmd)?.value ?? ''),
      cleans: (cmd) => ['clean', 'cc'].includes(zypperSubcommand(cmd)?.value ?? '') || removesDir(cmd, CACHE),
      dirs: CACHE,
      span: (cmd) => ({ start: cmd.nameWord!.span.start, end: zypperSubcommand(cmd)!.span.end }),
      message: (cmd) =>
        `\`zypper ${zypperSubcommand(cmd)!.value}\` leaves its metadata and package cache in this layer; end the same RUN with \`zypper clean -a\` or mount a cache on /var/cache/zypp`,
    });
  },
});
