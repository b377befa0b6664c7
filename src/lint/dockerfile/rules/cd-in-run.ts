import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/cd-in-run',
    kind: 'dockerfile',
    severity: 'info',
    description: '`cd` in a RUN, where WORKDIR would say it once for every instruction.',
    rationale:
      'A `cd` lasts only until the end of its RUN, so the next RUN, COPY or CMD starts again in the WORKDIR; ' +
      'repeated `cd /app && …` prefixes are easy to get out of step. WORKDIR sets the directory for all later ' +
      'instructions and for the container. `cd` inside `( … )` or `$( … )` is scoped on purpose and not ' +
      "reported (hadolint's DL3003 reports it); since a RUN's `cd` cannot leak, this is a readability hint (info), " +
      'not a warning.',
    howToFix: 'Set `WORKDIR /path` before the RUN instead of `cd /path && …`; for a one-off directory, use a subshell `(cd /tmp && …)`.',
    fixable: false,
    aliases: ['DL3003'],
    examples: {
      bad: [
        { code: 'FROM python:3.12-slim\nRUN cd /app && pip install --no-cache-dir -r requirements.txt\n' },
        { code: 'FROM debian:bookworm-slim\nRUN set -eux; \\\n    cd /usr/src/app; \\\n    make\n' },
      ],
      good: [
        { code: 'FROM python:3.12-slim\nWORKDIR /app\nRUN pip install --no-cache-dir -r requirements.txt\n' },
        { code: 'FROM debian:bookworm-slim\nRUN (cd /tmp && make) && DIR="$(cd "$(dirname "$0")" && pwd)"\n', note: 'scoped cd' },
      ],
    },
  },
  check(ctx) {
    for (const run of ctx.doc.find('RUN')) {
      for (const cmd of run.script?.commands ?? []) {
        if (cmd.name !== 'cd' || cmd.context.subshell || cmd.context.substitution || cmd.context.function) continue;
        const dir = cmd.args[0]?.value;
        ctx.report({
          message: `\`cd${dir ? ` ${dir}` : ''}\` lasts only until the end of this RUN; set \`WORKDIR ${dir ?? '/path'}\` before it instead`,
          span: cmd.span,
        });
      }
    }
  },
});
