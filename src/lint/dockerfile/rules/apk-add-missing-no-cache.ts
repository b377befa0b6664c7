import { defineRule } from '../../engine/types.js';
import { hasFlag, subcommand } from '../../shell/args.js';
import { insertAfter, removesDir } from '../../shell/packages.js';
import type { DockerfileDoc } from '../model.js';
import { finalImageRuns, runCacheMounted, safeFix } from '../package-cache.js';

/** Where apk keeps its indexes (and packages, when /etc/apk/cache links there). */
const CACHE = ['/var/cache/apk', '/etc/apk/cache'];

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/apk-add-missing-no-cache',
    kind: 'dockerfile',
    severity: 'info',
    description: '`apk add` without `--no-cache`.',
    rationale:
      '`apk add` downloads the repository indexes into /var/cache/apk, where they stay in the layer (a few MB for ' +
      'every RUN that adds packages). `--no-cache` fetches the indexes to a temporary place and also makes a separate ' +
      '`apk update` unnecessary. As in hadolint (DL3019), a cache or tmpfs mount on /var/cache/apk counts. Unlike ' +
      'hadolint, `--no-network` (nothing is downloaded) and removing /var/cache/apk later in the same RUN count ' +
      'too, a mount on ' +
      '/etc/apk/cache counts, and only stages that end up in the final image are checked: a builder stage\'s cache ' +
      'is thrown away with it.',
    howToFix: 'Add `--no-cache`: `apk add --no-cache curl` (and drop any `apk update` before it).',
    fixable: true,
    aliases: ['DL3019'],
    examples: {
      bad: [
        { code: 'FROM alpine:3.20\nRUN apk add curl~8.9\n', output: 'FROM alpine:3.20\nRUN apk add --no-cache curl~8.9\n' },
        {
          code: 'FROM alpine:3.20\nRUN apk update && apk add --virtual .build-deps gcc~13.2 && make && apk del .build-deps\n',
          output: 'FROM alpine:3.20\nRUN apk update && apk add --no-cache --virtual .build-deps gcc~13.2 && make && apk del .build-deps\n',
        },
      ],
      good: [
        { code: 'FROM alpine:3.20\nRUN apk add --no-cache curl~8.9\n' },
        { code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl~8.9\n', note: 'a cache mount keeps the indexes out of the layer' },
        { code: 'FROM alpine:3.20\nRUN apk add curl~8.9 && rm -rf /var/cache/apk/*\n' },
        { code: 'FROM alpine:3.20\nRUN apk add --no-network --virtual .rundeps so:libssl.so.3\n', note: 'nothing is downloaded' },
        { code: 'FROM alpine:3.20 AS build\nRUN apk add gcc~13.2\nFROM scratch\nCOPY --from=build /etc/os-release /\n', note: 'a builder stage' },
      ],
    },
  },
  check(ctx) {
    for (const run of finalImageRuns(ctx.doc)) {
      const commands = run.script?.commands;
      if (!commands || runCacheMounted(run, CACHE)) continue;
      // The last command that empties the cache, found once per RUN (not once per `apk add`: n² steps).
      let lastRemoval: number | undefined;
      for (const cmd of commands) {
        const add = subcommand(cmd);
        if (cmd.name !== 'apk' || add?.value !== 'add' || hasFlag(cmd, '--no-cache', '--no-network')) continue;
        lastRemoval ??= commands.reduce((last, c) => (removesDir(c, ['/var/cache/apk']) ? c.index : last), -1);
        if (lastRemoval > cmd.index) continue;
        const fix = safeFix(run, insertAfter(add, '--no-cache'));
        ctx.report({
          message: '`apk add` without `--no-cache` leaves the package indexes in /var/cache/apk in this layer; add `--no-cache`',
          span: { start: cmd.nameWord!.span.start, end: add.span.end },
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
});
