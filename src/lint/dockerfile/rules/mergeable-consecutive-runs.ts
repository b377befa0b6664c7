import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc, RunInstruction } from '../model.js';

/** The simple commands a RUN runs, not counting those inside `$(…)`. */
function commandCount(run: RunInstruction): number {
  return run.script!.commands.filter((c) => !c.context.substitution).length;
}

/** The RUN's flags as one comparable text (`--mount=…`, `--network=…`), order ignored. */
function flagsKey(run: RunInstruction): string {
  return run.flags.map((f) => `${f.name}=${f.value ?? ''}`).sort().join(' ');
}

/** True when `run` holds a single command in shell or exec form: no here-document, no chain. */
function single(run: RunInstruction): boolean {
  return run.script !== undefined && run.heredocs.length === 0 && commandCount(run) <= 1;
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/mergeable-consecutive-runs',
    kind: 'dockerfile',
    severity: 'info',
    description: 'Two RUN instructions in a row, each with a single command, that could be one RUN.',
    rationale:
      'Every RUN adds a layer and a build-cache step; a file created in one layer and deleted in the next still ' +
      'ships. Merging trivial neighbours (`RUN mkdir /app` then `RUN chown app /app`) gives fewer, smaller layers. ' +
      'Splitting RUNs on purpose is legitimate (to cache a slow step apart from a volatile one), which is why this ' +
      'is only info and why, as in hadolint (DL3059), RUNs that already chain two or more commands are left alone: ' +
      'their author chose where to split. Comments between the RUNs do not separate them; any other instruction, or ' +
      'different RUN flags (`--mount`, `--network`), does. Unlike hadolint, a RUN with a here-document is never ' +
      'reported (it is a script, hadolint issue #805), and commands inside `$(…)` do not count as chaining.',
    howToFix: 'Join the commands with `&&` in one RUN (or use a here-document), or suppress this on RUNs you split on purpose.',
    fixable: false,
    aliases: ['DL3059'],
    examples: {
      bad: [
        { code: 'FROM debian:bookworm-slim\nRUN mkdir -p /app\nRUN chown nobody /app\n' },
        { code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n# and the server\nRUN pip install --no-cache-dir gunicorn==22.0.0\n', note: 'a comment does not separate them' },
      ],
      good: [
        { code: 'FROM debian:bookworm-slim\nRUN mkdir -p /app && chown nobody /app\n' },
        { code: 'FROM debian:bookworm-slim\nRUN mkdir -p /app\nWORKDIR /app\nRUN touch ready\n' },
        { code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends make\nRUN make -C /src\n', note: 'a chained RUN was split on purpose' },
        { code: 'FROM debian:bookworm-slim\nRUN <<EOF\nset -e\nmkdir -p /app\nEOF\nRUN chown nobody /app\n', note: 'here-documents are scripts' },
        { code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.0.3\nRUN pip install --no-cache-dir gunicorn==22.0.0\n', note: 'different flags' },
      ],
    },
  },
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      let previous: RunInstruction | undefined;
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'RUN') {
          previous = undefined;
          continue;
        }
        if (previous && single(previous) && single(ins) && flagsKey(previous) === flagsKey(ins)) {
          ctx.report({
            message: `This RUN and the one on line ${previous.startLine} each run a single command; every RUN adds a layer, so join them with \`&&\` in one RUN`,
            span: ins.keywordToken.span,
          });
        }
        previous = ins;
      }
    }
  },
});
