import { defineRule } from '../../engine/types.js';
import { isAptUpdate } from '../../shell/apt.js';
import { hasFlag, positionals, subcommand } from '../../shell/args.js';
import type { ShellCommand } from '../../shell/model.js';
import type { DockerfileDoc, RunInstruction } from '../model.js';
import { reachesFinalImage } from '../queries.js';

const LISTS = '/var/lib/apt/lists';

/** A mount that keeps the package lists out of the layer. */
function listsMounted(run: RunInstruction): boolean {
  return run.mounts.some((m) => {
    if (m.type !== 'cache' && m.type !== 'tmpfs') return false;
    const target = (m.target ?? '').replace(/\/+$/, '');
    return target === LISTS || target === '/var/lib/apt';
  });
}

/** A command that deletes the package lists: `rm -rf /var/lib/apt/lists/*`, `find … -delete`, `apt-get dist-clean`. */
function removesLists(cmd: ShellCommand): boolean {
  if (cmd.name === 'apt-get' || cmd.name === 'apt') {
    const sub = subcommand(cmd)?.value;
    return sub === 'dist-clean' || sub === 'distclean';
  }
  const touchesLists = positionals(cmd).some((w) => w.value !== undefined && (w.value === LISTS || w.value.startsWith(`${LISTS}/`)));
  if (!touchesLists) return false;
  if (cmd.name === 'rm') return true;
  if (cmd.name === 'find') return cmd.args.some((a) => a.value === '-delete' || a.value === '-exec');
  return false;
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/apt-lists-not-removed',
    kind: 'dockerfile',
    severity: 'info',
    description: 'A RUN runs `apt-get update` but does not delete /var/lib/apt/lists afterwards.',
    rationale:
      '`apt-get update` downloads the package lists into /var/lib/apt/lists (often 20–50 MB). Unless the same RUN ' +
      'deletes them, they stay in that layer of the image forever: deleting them in a later RUN does not shrink the ' +
      'image. Like hadolint (DL3009), only stages that end up in the final image are checked, and a cache or tmpfs ' +
      'mount on /var/lib/apt/lists (or /var/lib/apt) counts as clean-up. Unlike hadolint, the clean-up must really ' +
      'remove the lists (hadolint accepts any `rm -rf`), must come after the last update, and a builder stage only ' +
      'counts when a stage of the final image is built on it.',
    howToFix:
      'End the RUN with `&& rm -rf /var/lib/apt/lists/*`, or keep the lists out of the image with BuildKit: ' +
      '`RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && …`.',
    fixable: false,
    aliases: ['DL3009'],
    examples: {
      bad: [
        { code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n' },
        {
          code: 'FROM debian:bookworm-slim\nRUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y --no-install-recommends curl\n',
          note: 'the lists are removed before the update, not after',
        },
        {
          code: 'FROM debian:bookworm-slim AS base\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nFROM base\nCMD ["curl", "--version"]\n',
          note: 'a stage the final image is built on',
        },
      ],
      good: [
        { code: 'FROM debian:bookworm-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n' },
        {
          code: 'FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \\\n    apt-get update && apt-get install -y --no-install-recommends curl\n',
          note: 'a cache mount keeps the lists out of the layer',
        },
        {
          code: 'FROM debian:bookworm-slim AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc\nFROM scratch\nCOPY --from=build /etc/os-release /\n',
          note: 'a builder stage: its layers are not in the final image',
        },
      ],
    },
  },
  check(ctx) {
    const runs = ctx.doc.stages.filter(reachesFinalImage).flatMap((s) => s.find('RUN'));
    // ONBUILD RUNs run in the images built from this one, which are final images.
    runs.push(...ctx.doc.triggers.filter((t): t is RunInstruction => t.keyword === 'RUN'));
    for (const run of runs) {
      const script = run.script;
      if (!script || listsMounted(run)) continue;
      const updates = script.commands.filter(isAptUpdate);
      const last = updates[updates.length - 1];
      if (!last) continue;
      if (script.commands.some((c) => c.index > last.index && removesLists(c))) continue;
      // `apt-get update --print-uris` and the like download nothing.
      if (hasFlag(last, '--print-uris')) continue;
      ctx.report({
        message: `\`${last.name} update\` leaves its package lists in this layer; end the same RUN with \`rm -rf /var/lib/apt/lists/*\` or mount a cache on /var/lib/apt/lists`,
        span: { start: last.nameWord!.span.start, end: subcommand(last)!.span.end },
      });
    }
  },
});
