import { defineRule } from '../../engine/types.js';
import { aptSubcommand } from '../../shell/apt.js';
import { findFlags, hasFlag, positionals, subcommand } from '../../shell/args.js';
import type { ShellCommand, ShellWord } from '../../shell/model.js';
import { rpmInstallOperands, zypperSubcommand, ZYPPER_OPTIONS, argsWith, RPM_PROGRAMS } from '../../shell/packages.js';
import type { DockerfileDoc, RunInstruction, Stage } from '../model.js';
import { reachesFinalImage } from '../queries.js';

type Tool = 'curl' | 'wget';

/** A sign that the image has a tool: a RUN installs its package, or runs it. */
interface Evidence {
  tool: Tool;
  /** An install of the package (the word is the package operand); false for a run of the tool. */
  installs: boolean;
  /** The same RUN removes the package again (`apt-get purge`, `apk del` of its virtual package). */
  temporary: boolean;
  word: ShellWord;
  run: RunInstruction;
}

/** The package operands of an OS package install (apt, apk, yum/dnf, zypper). */
function installOperands(cmd: ShellCommand): ShellWord[] {
  if (aptSubcommand(cmd) === 'install') return positionals(cmd).slice(1);
  if (cmd.name === 'apk' && subcommand(cmd)?.value === 'add') return positionals(cmd).slice(1);
  if (cmd.name !== undefined && RPM_PROGRAMS.includes(cmd.name)) return rpmInstallOperands(cmd) ?? [];
  const sub = zypperSubcommand(cmd)?.value;
  if (sub === 'install' || sub === 'in') return argsWith(cmd, ZYPPER_OPTIONS).positionals.slice(1);
  return [];
}

/** The tool a package operand installs: `curl`, `curl=7.88.1-10`, `curl~8.9`, `curl-minimal`, `wget-1.21.4`. */
function toolOfPackage(pkg: string): Tool | undefined {
  const name = pkg.split(/[=~<>:/]/)[0]!.replace(/-\d.*/, ''); // no `$`: the same verdict, without a rescan from every `-2` when a line break follows
  if (name === 'curl' || name === 'curl-minimal') return 'curl';
  if (name === 'wget' || name === 'wget2') return 'wget';
  return undefined;
}

/**
 * True when a command after `install` in `commands` removes what it installed: a purge or `apk del` naming
 * the package or the install's `--virtual` name, or Debian's `apt-mark auto '.*'` … `apt-get purge
 * --auto-remove` idiom, which removes every package the RUN did not mark as needed.
 */
function removedLater(commands: readonly ShellCommand[], install: ShellCommand, pkg: Tool): boolean {
  const later = commands.filter((c) => c.index > install.index);
  const names = [pkg, ...(install.name === 'apk' ? findFlags(install, '-t', '--virtual').map((o) => o.value) : [])];
  let markedAuto = false;
  for (const c of later) {
    const apt = aptSubcommand(c);
    if (c.name === 'apt-mark' && positionals(c)[0]?.value === 'auto') markedAuto = true;
    const operands = positionals(c).slice(1).map((w) => w.value?.split(/[=:]/)[0]);
    const removes =
      (apt !== undefined && ['purge', 'remove', 'autoremove'].includes(apt)) ||
      (c.name === 'apk' && subcommand(c)?.value === 'del') ||
      (c.name !== undefined && RPM_PROGRAMS.includes(c.name) && ['remove', 'erase', 'autoremove'].includes(positionals(c)[0]?.value ?? ''));
    if (!removes) continue;
    if (operands.some((o) => o !== undefined && names.includes(o))) return true;
    if (apt !== undefined && markedAuto && (apt === 'autoremove' || hasFlag(c, '--auto-remove', '--autoremove'))) return true;
  }
  return false;
}

function evidenceIn(run: RunInstruction): Evidence[] {
  const out: Evidence[] = [];
  const commands = run.script?.commands ?? [];
  for (const cmd of commands) {
    for (const word of installOperands(cmd)) {
      const tool = word.value !== undefined ? toolOfPackage(word.value) : undefined;
      if (tool) out.push({ tool, installs: true, temporary: removedLater(commands, cmd, tool), word, run });
    }
    if ((cmd.name === 'curl' || cmd.name === 'wget') && cmd.nameWord) out.push({ tool: cmd.name, installs: false, temporary: false, word: cmd.nameWord, run });
  }
  return out;
}

/** What `needlessInstall` reads of the evidence of a stage and of the stages it builds on, oldest first. */
interface Summary {
  /** The first install of the tool that stays. */
  kept: Partial<Record<Tool, Evidence>>;
  installed: Record<Tool, boolean>;
  /** The first evidence of the tool. */
  first: Partial<Record<Tool, Evidence>>;
}

/**
 * The summary of every stage, each from the summary of the stage it builds on (an earlier one) and its own
 * RUNs: one pass, where collecting the evidence of each stage's whole chain took n² steps for n stages.
 */
function summaries(doc: DockerfileDoc): Map<Stage, Summary> {
  const out = new Map<Stage, Summary>();
  for (const stage of doc.stages) {
    const before = stage.base ? out.get(stage.base) : undefined;
    const s: Summary = before
      ? { kept: { ...before.kept }, installed: { ...before.installed }, first: { ...before.first } }
      : { kept: {}, installed: { curl: false, wget: false }, first: {} };
    for (const e of stage.find('RUN').flatMap(evidenceIn)) {
      s.first[e.tool] ??= e;
      if (!e.installs) continue;
      s.installed[e.tool] = true;
      if (!e.temporary) s.kept[e.tool] ??= e;
    }
    out.set(stage, s);
  }
  return out;
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/curl-and-wget-both-used',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'A stage of the final image installs curl or wget although it already has the other one.',
    rationale:
      'curl and wget do the same job here; installing one when the other is already there adds a package, its ' +
      'libraries and their future vulnerabilities to the image for nothing. hadolint (DL4001) reports every RUN ' +
      'that uses the second tool of a stage. slipway reports once per stage, on the package install that is one ' +
      'too many, and only when the image really ends up with both: using two tools that the base image already has ' +
      '(buildpack-deps has both; BusyBox has a wget built in) costs nothing, and a package the same RUN removes ' +
      'again (`apt-get purge`, `apk del` of its virtual package, the `apt-mark auto` … `purge --auto-remove` idiom of ' +
      'the official images) does not stay. Stages built on another stage count what that stage installed, and ' +
      'builder stages whose files do not reach the final image are not checked.',
    howToFix:
      'Pick one tool for all downloads (`curl -fsSL -o file URL` or `wget -q -O file URL`) and install only that one; ' +
      'on Alpine, BusyBox wget is already there.',
    fixable: false,
    aliases: ['DL4001'],
    examples: {
      bad: [
        {
          code:
            'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl wget \\\n' +
            ' && curl -fsSL -o /tmp/a.tgz https://example.com/a.tgz \\\n && wget -q -O /tmp/b.tgz https://example.com/b.tgz\n',
        },
        {
          code:
            'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends wget \\\n' +
            ' && wget -q -O /tmp/a.tgz https://example.com/a.tgz\nRUN curl -fsSL -o /tmp/b.tgz https://example.com/b.tgz\n',
          note: 'the second tool comes in a later RUN',
        },
      ],
      good: [
        { code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && curl -fsSL -o /tmp/a.tgz https://example.com/a.tgz\n' },
        {
          code:
            'FROM alpine:3.20\nRUN apk add --no-cache --virtual .fetch curl \\\n && curl -fsSL -o /tmp/a.tgz https://example.com/a.tgz \\\n' +
            ' && apk del .fetch\nRUN wget -q -O /tmp/b.tgz https://example.com/b.tgz\n',
          note: 'curl is removed again',
        },
        {
          code: 'FROM buildpack-deps:bookworm\nRUN wget -q -O /tmp/a.tgz https://example.com/a.tgz && curl -fsSL -o /tmp/b.tgz https://example.com/b.tgz\n',
          note: 'both come with the base image',
        },
        {
          code:
            'FROM debian:bookworm-slim AS fetch\nRUN apt-get update && apt-get install -y --no-install-recommends curl wget\n' +
            'RUN curl -fsSL -o /a https://example.com/a && wget -q -O /b https://example.com/b\nFROM debian:bookworm-slim\nCOPY --from=fetch /a /b /opt/\n',
          note: 'a builder stage',
        },
      ],
    },
  },
  check(ctx) {
    const summaryOf = summaries(ctx.doc);
    for (const stage of ctx.doc.stages.filter(reachesFinalImage)) {
      const found = needlessInstall(summaryOf.get(stage)!);
      // A stage this one builds on reports what it installs itself.
      if (!found || found.install.run.stage !== stage) continue;
      const { install, other } = found;
      ctx.report({
        message: `This stage installs ${install.tool} although it already has ${other.tool} (${other.installs ? 'installed' : 'used'} on line ${lineOf(ctx.doc, other)}); use one download tool and install only that one`,
        span: install.word.span,
      });
    }
  },
});

/**
 * The install that makes the image carry both tools, with the evidence of the other tool: a package the
 * Dockerfile keeps (installs and does not remove in the same RUN) while the other tool is kept too or run
 * without the Dockerfile having installed it (it comes with the base image). The later install when both
 * are kept.
 */
function needlessInstall(summary: Summary): { install: Evidence; other: Evidence } | undefined {
  const kept = (t: Tool) => summary.kept[t];
  const fromBase = (t: Tool) => (summary.installed[t] ? undefined : summary.first[t]);
  const curl = kept('curl');
  const wget = kept('wget');
  if (curl && wget) return curl.word.span.start > wget.word.span.start ? { install: curl, other: wget } : { install: wget, other: curl };
  if (curl) {
    const other = fromBase('wget');
    return other ? { install: curl, other } : undefined;
  }
  if (wget) {
    const other = fromBase('curl');
    return other ? { install: wget, other } : undefined;
  }
  return undefined;
}

function lineOf(doc: DockerfileDoc, e: Evidence): number {
  return doc.lines.positionAt(e.word.span.start).line;
}
