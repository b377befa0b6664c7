import { defineRule } from '../../engine/types.js';
import { isAptUpdate } from '../../shell/apt.js';
import { subcommand } from '../../shell/args.js';
import type { DockerfileDoc, RunInstruction } from '../model.js';

/** Commands that may accompany an update without consuming the lists. */
const HARMLESS = new Set(['set', 'echo', 'printf', 'true', ':', 'export']);

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/apt-update-alone',
    kind: 'dockerfile',
    severity: 'warning',
    description: '`apt-get update` runs in a RUN of its own, apart from the install that needs it.',
    rationale:
      'Docker caches each RUN as a layer keyed by its text. A RUN that only runs `apt-get update` is reused from the ' +
      'cache for months, so a later `RUN apt-get install …` works with stale package lists: it fails with "Unable ' +
      'to locate package" or 404s once the mirror drops old versions, or installs outdated packages. Running update ' +
      'and install in the same RUN refreshes the lists whenever the package list changes. hadolint has no such rule; ' +
      'Trivy (DS-0017) and Checkov (CKV_DOCKER_5) have it.',
    howToFix: 'Merge the update into the RUN that installs: `RUN apt-get update && apt-get install -y --no-install-recommends …`.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n' },
        { code: 'FROM ubuntu:24.04\nRUN set -eux; apt-get -q update\n', note: 'set does not count as work' },
      ],
      good: [
        { code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n' },
        { code: 'FROM debian:bookworm-slim\nRUN apt-get update && ./install-deps.sh\n', note: 'another command in the RUN may install' },
      ],
    },
  },
  check(ctx) {
    for (const run of ctx.doc.find('RUN', { triggers: true }) as RunInstruction[]) {
      const commands = run.script?.commands ?? [];
      const update = commands.find(isAptUpdate);
      if (!update) continue;
      const alone = commands.every((c) => c === update || isAptUpdate(c) || (c.name !== undefined && HARMLESS.has(c.name)) || c.kind === 'assignment');
      if (!alone) continue;
      ctx.report({
        message: `\`${update.name} update\` runs alone in this RUN: the layer stays cached, so a later install can use stale package lists; run update and install in the same RUN`,
        span: { start: update.nameWord!.span.start, end: subcommand(update)!.span.end },
      });
    }
  },
});
