import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/multiple-cmd',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'A stage has more than one CMD.',
    rationale:
      'Only the last CMD of a stage takes effect; earlier ones are silently ignored, which usually means a leftover ' +
      'or a misunderstanding (CMD does not run anything at build time: RUN does). As in hadolint (DL4003), every CMD ' +
      'after the first is reported, so existing `# hadolint ignore=DL4003` comments keep working.',
    howToFix: 'Keep one CMD per stage (the one that should start the container); use RUN for build-time commands.',
    fixable: false,
    aliases: ['DL4003'],
    examples: {
      bad: [
        { code: 'FROM python:3.12-slim\nCMD ["python", "-m", "migrate"]\nCMD ["python", "-m", "app"]\n' },
        { code: 'FROM alpine:3.20\nCMD echo one\nCMD echo two\nCMD echo three\n', note: 'two findings' },
      ],
      good: [
        { code: 'FROM python:3.12-slim\nCMD ["python", "-m", "app"]\n' },
        { code: 'FROM golang:1.23 AS build\nCMD ["go", "test"]\nFROM alpine:3.20\nCMD ["/app"]\n', note: 'one CMD per stage' },
      ],
    },
  },
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      const cmds = stage.find('CMD');
      for (let i = 1; i < cmds.length; i++) {
        const previous = cmds[i - 1]!;
        ctx.report({
          message: `another CMD in this stage: only the last CMD takes effect, so the CMD on line ${previous.startLine} is ignored; keep one`,
          span: cmds[i]!.keywordToken.span,
        });
      }
    }
  },
});
