import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';
import { reportRepeated } from '../repeated.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/multiple-healthcheck',
    kind: 'dockerfile',
    severity: 'error',
    description: 'A stage has more than one HEALTHCHECK.',
    rationale:
      'Only the last HEALTHCHECK of a stage takes effect; the earlier ones are silently dropped, so the container is ' +
      'checked with a command that may not be the one the reader sees first. BuildKit warns about it ' +
      '(MultipleInstructionsDisallowed). As in hadolint (DL3012), every HEALTHCHECK after the first in a stage is ' +
      'reported, `HEALTHCHECK NONE` included.',
    howToFix: 'Keep one HEALTHCHECK per stage; combine the probes in one command if several are needed.',
    fixable: false,
    aliases: ['DL3012'],
    examples: {
      bad: [
        {
          code: 'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-fsS", "http://localhost/"]\nHEALTHCHECK --interval=5s CMD ["curl", "-fsS", "http://localhost/health"]\n',
        },
        { code: 'FROM python:3.12-slim\nHEALTHCHECK NONE\nHEALTHCHECK CMD ["python", "-m", "app.health"]\n', note: 'NONE counts too' },
      ],
      good: [
        { code: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD ["curl", "-fsS", "http://localhost/"]\n' },
        {
          code: 'FROM python:3.12-slim AS base\nHEALTHCHECK CMD ["python", "-m", "app.health"]\nFROM base\nHEALTHCHECK NONE\n',
          note: 'one per stage; a later stage may replace the inherited one',
        },
      ],
    },
  },
  check(ctx) {
    reportRepeated(ctx, 'HEALTHCHECK');
  },
});
