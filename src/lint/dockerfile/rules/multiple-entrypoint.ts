import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';
import { reportRepeated } from '../repeated.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/multiple-entrypoint',
    kind: 'dockerfile',
    severity: 'error',
    description: 'A stage has more than one ENTRYPOINT.',
    rationale:
      'Only the last ENTRYPOINT of a stage takes effect; the earlier ones are silently dropped, so the image does ' +
      'not start what the first ENTRYPOINT suggests. BuildKit warns about it (MultipleInstructionsDisallowed). As in ' +
      'hadolint (DL4004, an error there too), every ENTRYPOINT after the first in a stage is reported; ENTRYPOINTs of ' +
      'different stages do not count against each other.',
    howToFix: 'Keep one ENTRYPOINT per stage; put the arguments that vary in CMD.',
    fixable: false,
    aliases: ['DL4004'],
    examples: {
      bad: [
        { code: 'FROM python:3.12-slim\nENTRYPOINT ["python"]\nENTRYPOINT ["python", "-m", "app"]\n' },
        { code: 'FROM alpine:3.20\nENTRYPOINT ["/bin/echo"]\nCMD ["hi"]\nENTRYPOINT ["/docker-entrypoint.sh"]\n', note: 'not next to each other' },
      ],
      good: [
        { code: 'FROM python:3.12-slim\nENTRYPOINT ["python", "-m", "app"]\nCMD ["--help"]\n' },
        { code: 'FROM golang:1.23 AS build\nENTRYPOINT ["go"]\nFROM alpine:3.20\nENTRYPOINT ["/app"]\n', note: 'one ENTRYPOINT per stage' },
      ],
    },
  },
  check(ctx) {
    reportRepeated(ctx, 'ENTRYPOINT');
  },
});
