import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/empty-continuation-line',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'An empty line inside an instruction continued with `\\`.',
    rationale:
      'Docker skips empty lines inside a continuation, so the instruction goes on past what looks like its end; a ' +
      'reader (and an editor) sees two instructions. BuildKit warns that this will become an error ' +
      '(NoEmptyContinuation); hadolint has no such rule. Comment lines inside a continuation are fine.',
    howToFix: 'Delete the empty line (`--fix` does it), or end the instruction before it.',
    fixable: true,
    aliases: [],
    examples: {
      bad: [
        { code: 'FROM debian:bookworm-slim\nRUN apt-get update && \\\n\n    apt-get install -y --no-install-recommends curl\n', output: 'FROM debian:bookworm-slim\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl\n' },
        { code: 'FROM alpine:3.20\nENV A=1 \\\n  \n    B=2\n', output: 'FROM alpine:3.20\nENV A=1 \\\n    B=2\n', note: 'a line of spaces is empty too' },
      ],
      good: [
        { code: 'FROM debian:bookworm-slim\nRUN apt-get update && \\\n    # the packages\n    apt-get install -y --no-install-recommends curl\n' },
        { code: 'FROM alpine:3.20\nRUN <<EOF\necho one\n\necho two\nEOF\n', note: 'a here-document body' },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const { lines } = doc;
    for (const ins of doc.instructions) {
      const inner = ins.keyword === 'ONBUILD' ? ins.trigger : ins;
      const heredocs = inner && 'heredocs' in inner ? inner.heredocs : [];
      const last = heredocs.length > 0 ? lines.positionAt(heredocs[0]!.bodySpan.start).line - 1 : ins.endLine;
      for (let line = ins.startLine + 1; line < last; line++) {
        if (lines.lineText(line).trim() !== '') continue;
        const start = lines.starts[line - 1]!;
        const end = lines.starts[line] ?? doc.text.length;
        ctx.report({
          message: `empty line inside the ${ins.keyword} that starts on line ${ins.startLine}: Docker skips it and continues the instruction; delete it`,
          loc: { line, column: 1, endLine: line, endColumn: lines.lineText(line).length + 1 },
          fix: { range: [start, end], text: '' },
        });
      }
    }
  },
});
