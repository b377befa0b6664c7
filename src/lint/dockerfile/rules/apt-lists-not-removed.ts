import { defineRule, type Fix } from '../../engine/types.js';
import { APT_INSTALLING_SUBCOMMANDS, APT_PROGRAMS, aptSubcommand, isAptUpdate } from '../../shell/apt.js';
import { hasFlag, positionals, subcommand } from '../../shell/args.js';
import type { ShellCommand, ShellScript } from '../../shell/model.js';
import { chainableEnd } from '../../shell/top-level.js';
import type { DockerfileDoc, RunInstruction, Stage } from '../model.js';
import { reachesFinalImage } from '../queries.js';
import { pushAll } from '../../../util/push-all.js';

const LISTS = '/var/lib/apt/lists';

/** A mount that keeps the package lists out of the layer. */
function listsMounted(run: RunInstruction): boolean {
  return run.mounts.some((m) => {
    if (m.type !== 'cache' && m.type !== 'tmpfs') return false;
    const target = (m.target ?? '').replace(/(?<!\/)\/+$/, '');
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
      'End the RUN with `&& rm -rf /var/lib/apt/lists/*` (the fix does this, in the continuation style of the RUN, when the RUN ' +
      'installs after its last update, ends with a command that `&&` can follow, runs as root, and no later RUN of the stage or of ' +
      'the stages built on it uses the lists without its own update), or keep the lists out of the image with BuildKit: ' +
      '`RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && …`.',
    fixable: true,
    aliases: ['DL3009'],
    examples: {
      bad: [
        {
          code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
          output: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
        },
        {
          code: 'FROM debian:bookworm-slim\nRUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y --no-install-recommends curl\n',
          output:
            'FROM debian:bookworm-slim\nRUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
          note: 'the lists are removed before the update, not after',
        },
        {
          code: 'FROM debian:bookworm-slim AS base\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl\nFROM base\nCMD ["curl", "--version"]\n',
          output:
            'FROM debian:bookworm-slim AS base\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\nFROM base\nCMD ["curl", "--version"]\n',
          note: 'a stage the final image is built on; the fix follows the continuation style',
        },
        {
          code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN apt-get install -y --no-install-recommends git\n',
          note: 'no fix: the next RUN installs from the lists this one leaves',
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
    pushAll(runs, ctx.doc.triggers.filter((t): t is RunInstruction => t.keyword === 'RUN'));
    for (const run of runs) {
      const script = run.script;
      if (!script || listsMounted(run)) continue;
      const updates = script.commands.filter(isAptUpdate);
      const last = updates[updates.length - 1];
      if (!last) continue;
      if (script.commands.some((c) => c.index > last.index && removesLists(c))) continue;
      // `apt-get update --print-uris` and the like download nothing.
      if (hasFlag(last, '--print-uris')) continue;
      const fix = cleanupFix(ctx.doc, run, script, last);
      ctx.report({
        message: `\`${last.name} update\` leaves its package lists in this layer; end the same RUN with \`rm -rf /var/lib/apt/lists/*\` or mount a cache on /var/lib/apt/lists`,
        span: { start: last.nameWord!.span.start, end: subcommand(last)!.span.end },
        ...(fix ? { fix } : {}),
      });
    }
  },
});

const CLEANUP = 'rm -rf /var/lib/apt/lists/*';

/** apt subcommands that do not read the package lists. */
const LISTLESS = new Set(['update', 'clean', 'autoclean', 'remove', 'purge', 'autoremove', 'autopurge', 'dist-clean', 'distclean']);

/**
 * `&& rm -rf /var/lib/apt/lists/*` at the end of the RUN, on a continued line of its own when the RUN
 * is continued: `&&` at the start of the new line, or at the end of the one before when the RUN
 * writes it so. None when the RUN does not install after its last update (an update alone: its
 * lists are for a later RUN), when something else might still need the lists (a later RUN of the
 * stage, of a stage built on it or an ONBUILD trigger that installs without its own update), when
 * the clean-up could not run (USER is not root, `sudo` is used), or when the end of the script is not
 * a place `&&` can follow (a trailing `;`, `&` or comment, a here-document, exec form).
 */
function cleanupFix(doc: DockerfileDoc, run: RunInstruction, script: ShellScript, lastUpdate: ShellCommand): Fix | undefined {
  if (run.form !== 'shell' || run.heredocs.length > 0) return undefined;
  const installs = script.commands.some(
    (c) => c.index > lastUpdate.index && APT_INSTALLING_SUBCOMMANDS.includes(aptSubcommand(c) ?? '') && !c.context.function && !c.context.background,
  );
  if (!installs) return undefined;
  if (script.commands.some((c) => c.wrappers.length > 0 && APT_PROGRAMS.includes(c.name ?? ''))) return undefined;
  const user = run.state.user;
  if (user !== undefined && !/^(root|0)(:(root|0))?$/.test(user)) return undefined;
  if (listsUsedLater(doc, run)) return undefined;
  const end = chainableEnd(script);
  if (end === undefined) return undefined;
  const at = script.map.toFile(end, 'end');
  if (doc.text.slice(at, run.span.end).trim() !== '') return undefined;
  const lines = doc.lines;
  const line = lines.positionAt(at).line;
  if (line === run.startLine) return { range: [at, at], text: ` && ${CLEANUP}` };
  const e = doc.escapeChar;
  const texts: string[] = [];
  for (let l = run.startLine; l <= line; l++) texts.push(lines.lineText(l));
  const continued = texts.slice(1);
  const leading = continued.filter((t) => /^\s*&&/.test(t));
  const trailing = texts.slice(0, -1).some((t) => t.trimEnd().endsWith(`&& ${e}`) || t.trimEnd().endsWith(`&&${e}`));
  const indentOf = (t: string) => /^[ \t]*/.exec(t)![0];
  const newline = doc.text.startsWith('\r\n', lines.offsetAt(line, 1) + lines.lineText(line).length) ? '\r\n' : '\n';
  if (trailing && leading.length === 0) return { range: [at, at], text: ` && ${e}${newline}${indentOf(texts[texts.length - 1]!)}${CLEANUP}` };
  const indent = indentOf(leading[leading.length - 1] ?? texts[texts.length - 1]!);
  return { range: [at, at], text: ` ${e}${newline}${indent}&& ${CLEANUP}` };
}

/**
 * True when a RUN after `run` uses the lists without updating them first: a later RUN of its stage, any
 * RUN of a stage built on it, any ONBUILD RUN (for an ONBUILD RUN: a later one). Answered from one
 * pass over the document, kept per document: asked for every RUN that updates, walking the later RUNs
 * each time took n² steps.
 */
function listsUsedLater(doc: DockerfileDoc, run: RunInstruction): boolean {
  let later = usedLater.get(doc);
  if (!later) {
    later = laterUses(doc);
    usedLater.set(doc, later);
  }
  return later.get(run) ?? false;
}

const usedLater = new WeakMap<DockerfileDoc, Map<RunInstruction, boolean>>();

function laterUses(doc: DockerfileDoc): Map<RunInstruction, boolean> {
  const out = new Map<RunInstruction, boolean>();
  const triggers = doc.triggers.filter((t): t is RunInstruction => t.keyword === 'RUN');
  const anyTrigger = triggers.some(usesListsWithoutUpdate);
  // ONBUILD RUNs: a later one (by instruction, then by position), from the last one back.
  const ordered = [...triggers].sort((a, b) => a.index - b.index || a.span.start - b.span.start);
  let after = false;
  for (let i = ordered.length - 1; i >= 0; i--) {
    out.set(ordered[i]!, after);
    if (usesListsWithoutUpdate(ordered[i]!)) after = true;
  }
  // A stage's RUNs, and whether one in a stage built on it uses them: later stages first (children come later).
  const below = new Map<Stage, boolean>();
  for (let i = doc.stages.length - 1; i >= 0; i--) {
    const stage = doc.stages[i]!;
    const runs = stage.find('RUN');
    let used = stage.children.some((c) => below.get(c) === true);
    const fromChildren = used;
    for (let k = runs.length - 1; k >= 0; k--) {
      out.set(runs[k]!, used || anyTrigger);
      if (usesListsWithoutUpdate(runs[k]!)) used = true;
    }
    below.set(stage, used || fromChildren);
  }
  return out;
}

/** A RUN that runs apt (or apt-cache) to read the package lists before any update of its own, or that cannot be read. */
function usesListsWithoutUpdate(run: RunInstruction): boolean {
  const script = run.script;
  if (!script) return /\bapt/.test(run.argsText);
  for (const c of script.commands) {
    if (isAptUpdate(c)) return false;
    if (c.name === 'apt-cache' || c.name === 'apt-file') return true;
    const sub = aptSubcommand(c);
    if (c.name !== undefined && APT_PROGRAMS.includes(c.name) && (sub === undefined || !LISTLESS.has(sub))) return true;
  }
  return false;
}
