import { defineRule, type Fix } from '../../engine/types.js';
import { APT_INSTALLING_SUBCOMMANDS, APT_PROGRAMS, aptSubcommand, isAptUpdate } from '../../shell/apt.js';
import { subcommand } from '../../shell/args.js';
import { chainableEnd, isAndChain } from '../../shell/top-level.js';
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
    howToFix:
      'Merge the update into the RUN that installs: `RUN apt-get update && apt-get install -y --no-install-recommends …`. ' +
      'The fix does it when the very next instruction of the stage is a RUN with the same flags whose script is a `&&` chain ' +
      'starting with the install; comments between the two stay where they are.',
    fixable: true,
    aliases: [],
    examples: {
      bad: [
        {
          code: 'FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n',
          output: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
        },
        { code: 'FROM ubuntu:24.04\nRUN set -eux; apt-get -q update\n', note: 'set does not count as work; no install follows, so no fix' },
        {
          code: 'FROM debian:bookworm-slim\nRUN apt-get update\n# the tools\nRUN apt-get install -y --no-install-recommends \\\n      curl \\\n && rm -rf /var/lib/apt/lists/*\n',
          output: 'FROM debian:bookworm-slim\n# the tools\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n      curl \\\n && rm -rf /var/lib/apt/lists/*\n',
          note: 'comments and continuations stay',
        },
        {
          code: 'FROM debian:bookworm-slim\nRUN apt-get update\nENV DEBIAN_FRONTEND=noninteractive\nRUN apt-get install -y --no-install-recommends curl\n',
          note: 'no fix: another instruction comes between',
        },
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
      const fix = mergeFix(ctx.doc, run);
      ctx.report({
        message: `\`${update.name} update\` runs alone in this RUN: the layer stays cached, so a later install can use stale package lists; run update and install in the same RUN`,
        span: { start: update.nameWord!.span.start, end: subcommand(update)!.span.end },
        ...(fix ? { fix } : {}),
      });
    }
  },
});

/** The RUN's flags as one comparable text (`--mount=…`, `--network=…`), order ignored. */
function flagsKey(run: RunInstruction): string {
  return run.flags.map((f) => `${f.name}=${f.value ?? ''}`).sort().join(' ');
}

/** A RUN whose text can be moved or prefixed as shell: shell form, no here-document, parsed cleanly. */
function plainShell(run: RunInstruction): boolean {
  return run.form === 'shell' && run.heredocs.length === 0 && run.script !== undefined && !run.script.hasErrors && run.argsSpan !== undefined;
}

/**
 * Moves the update into the next RUN: the update's RUN is deleted (its lines) and its script, as
 * written, goes in front of the next RUN's script with `&&`. Only when nothing can change between
 * them (the next instruction of the stage, same flags: mounts, network, security), and when the
 * result fails where the two RUNs failed: the next script is a `&&` chain that starts with an apt
 * install, and the update's script ends in a command `&&` can follow.
 */
function mergeFix(doc: DockerfileDoc, run: RunInstruction): Fix[] | undefined {
  if (run.onbuild || !run.stage || !plainShell(run)) return undefined;
  const next = doc.instructions[run.index + 1];
  if (next?.keyword !== 'RUN' || next.stage !== run.stage || !plainShell(next)) return undefined;
  if (flagsKey(run) !== flagsKey(next)) return undefined;
  const first = next.script!.commands[0];
  if (!first || !APT_PROGRAMS.includes(first.name ?? '') || !APT_INSTALLING_SUBCOMMANDS.includes(aptSubcommand(first) ?? '')) return undefined;
  const ctx = first.context;
  if (ctx.subshell || ctx.substitution || ctx.function || ctx.nested || ctx.background) return undefined;
  if (!isAndChain(next.script!)) return undefined;
  const end = chainableEnd(run.script!);
  if (end === undefined) return undefined;
  const scriptEnd = run.script!.map.toFile(end, 'end');
  const argsStart = run.argsSpan!.start;
  if (doc.text.slice(scriptEnd, run.span.end).trim() !== '') return undefined;
  const lines = doc.lines;
  const from = lines.offsetAt(run.startLine, 1);
  if (doc.text.slice(from, run.keywordToken.span.start).trim() !== '') return undefined;
  const to = run.endLine < lines.lineCount ? lines.offsetAt(run.endLine + 1, 1) : doc.text.length;
  if (doc.text.slice(run.span.end, to).trim() !== '') return undefined;
  const at = next.argsSpan!.start;
  return [
    { range: [from, to], text: '' },
    { range: [at, at], text: `${doc.text.slice(argsStart, scriptEnd)} && ` },
  ];
}
