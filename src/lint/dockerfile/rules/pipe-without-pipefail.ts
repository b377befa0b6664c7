import { defineRule } from '../../engine/types.js';
import type { ShellCommand, ShellPipeline, ShellScript } from '../../shell/model.js';
import type { DockerfileDoc, RunInstruction, StageState } from '../model.js';
import { isBusyboxBased } from '../queries.js';

/** Commands that cannot fail in a way pipefail would reveal: their output is the point. */
const CANNOT_FAIL = new Set(['echo', 'printf', 'yes', 'true', ':']);

/** True when the SHELL runs with `-o pipefail` (`-o pipefail`, `-eo pipefail`, `-euxo pipefail`). */
function shellHasPipefail(state: StageState): boolean {
  const argv = state.shell;
  return argv.some((a, i) => /^-[a-zA-Z]*o$/.test(a) && argv[i + 1] === 'pipefail');
}

/** True when `set -o pipefail` runs in the same shell before the pipeline starts. */
function scriptSetsPipefail(script: ShellScript, first: ShellCommand): boolean {
  return script.commands.some((c) => {
    if (c.name !== 'set' || c.span.start >= first.span.start) return false;
    if (c.context.subshell !== first.context.subshell && c.context.subshell) return false;
    if (c.context.function || c.context.substitution || c.context.nested !== first.context.nested) return false;
    const args = c.args.map((a) => a.value);
    return args.some((v, i) => v !== undefined && /^-[a-zA-Z]*o$/.test(v) && args[i + 1] === 'pipefail');
  });
}

/** A pipeline in which a failing stage other than the last would go unnoticed. */
function risky(p: ShellPipeline): boolean {
  return p.commands.length > 1 && p.commands.slice(0, -1).some((c) => c.name === undefined || !CANNOT_FAIL.has(c.name));
}

function advice(run: RunInstruction): string {
  const stage = run.stage;
  if (stage && isBusyboxBased(stage)) {
    return 'busybox ash supports it: start the RUN with `set -o pipefail &&`, or set `SHELL ["/bin/ash", "-eo", "pipefail", "-c"]`';
  }
  return 'set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before this RUN, or start a bash RUN with `set -o pipefail &&`';
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/pipe-without-pipefail',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'A RUN pipes commands without `pipefail`, so a failure before the last `|` is ignored.',
    rationale:
      'A pipeline succeeds when its last command does: in `RUN curl -fsSL https://… | tar -xz`, a failed download ' +
      'gives tar empty input and the build may go on with a broken image. With `pipefail`, any failing stage fails ' +
      'the RUN. Like hadolint (DL4006), `SHELL [… "-o", "pipefail" …]` fixes the whole stage and a Windows shell is ' +
      'skipped. Unlike hadolint: `set -o pipefail` earlier in the same RUN counts; `SHELL ["/bin/sh", "-o", ' +
      '"pipefail", "-c"]` counts (it works where /bin/sh is busybox ash or bash, and fails loudly on dash), so ' +
      'Alpine images get advice that works there instead of a demand for bash; and pipelines fed only by `echo` or ' +
      '`printf` (such as `echo "$SHA  file" | sha256sum -c -`) are not reported, since nothing before the pipe can fail.',
    howToFix:
      'Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN (Debian, Ubuntu), or start the RUN with ' +
      '`set -o pipefail &&` (bash, busybox ash on Alpine).',
    fixable: false,
    aliases: ['DL4006'],
    examples: {
      bad: [
        { code: 'FROM debian:bookworm-slim\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local\n' },
        {
          code: 'FROM alpine:3.20\nRUN wget -qO- https://example.com/install.sh | sh\n',
          note: 'on Alpine the advice is set -o pipefail or an ash SHELL',
        },
      ],
      good: [
        { code: 'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local\n' },
        { code: 'FROM alpine:3.20\nRUN set -o pipefail && wget -qO- https://example.com/install.sh | sh\n' },
        { code: 'FROM debian:bookworm-slim\nRUN echo "${SHA256}  tool.tar.gz" | sha256sum -c -\n', note: 'echo cannot fail' },
      ],
    },
  },
  check(ctx) {
    for (const run of ctx.doc.find('RUN')) {
      const script = run.script;
      if (!script || run.form === 'exec' || shellHasPipefail(run.state)) continue;
      const pipeline = script.pipelines.find((p) => risky(p) && !scriptSetsPipefail(script, p.commands[0]!));
      if (!pipeline) continue;
      const stages = pipeline.commands;
      const hidden = stages.slice(0, -1).findIndex((c) => c.name === undefined || !CANNOT_FAIL.has(c.name));
      const name = (c: ShellCommand) => c.name ?? '…';
      const shown = stages.length > 3 ? `${name(stages[0]!)} | … | ${name(stages[stages.length - 1]!)}` : stages.map(name).join(' | ');
      ctx.report({
        message: `\`${shown}\` succeeds whenever \`${name(stages[stages.length - 1]!)}\` does, hiding a failure of \`${name(stages[hidden]!)}\`; ${advice(run)}`,
        span: pipeline.operators[hidden]?.span ?? pipeline.operators[0]!.span,
      });
    }
  },
});
