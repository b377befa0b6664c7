import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/inconsistent-instruction-casing',
    kind: 'dockerfile',
    severity: 'style',
    description: 'Instruction keywords are not all in the same case (`RUN` and `run`, or `Run`).',
    rationale:
      'Docker accepts any case, but a file that mixes `RUN` and `run` is harder to scan and grep. As BuildKit does ' +
      '(ConsistentInstructionCasing), the case most keywords use wins (upper case on a tie) and every keyword in ' +
      'the other case, or in mixed case, is reported. hadolint has no such rule.',
    howToFix: 'Write every keyword in the same case, usually upper case (`--fix` does it).',
    fixable: true,
    aliases: [],
    examples: {
      bad: [
        { code: 'FROM alpine:3.20\nrun echo hi\nCMD ["sh"]\n', output: 'FROM alpine:3.20\nRUN echo hi\nCMD ["sh"]\n' },
        { code: 'from alpine:3.20\nrun echo hi\nWorkdir /app\n', output: 'from alpine:3.20\nrun echo hi\nworkdir /app\n', note: 'lower case wins here' },
      ],
      good: [
        { code: 'FROM alpine:3.20\nRUN echo hi\nONBUILD RUN echo child\n' },
        { code: 'from alpine:3.20\nrun echo hi\n' },
      ],
    },
  },
  check(ctx) {
    const keywords = [...ctx.doc.instructions, ...ctx.doc.triggers].map((i) => i.keywordToken);
    let lower = 0;
    let upper = 0;
    for (const k of keywords) {
      if (k.value === k.value.toLowerCase()) lower++;
      else if (k.value === k.value.toUpperCase()) upper++;
    }
    const toLower = lower > upper;
    for (const k of keywords) {
      const want = toLower ? k.value.toLowerCase() : k.value.toUpperCase();
      if (k.value === want) continue;
      ctx.report({
        message: `\`${k.value}\`: most instructions here are in ${toLower ? 'lower' : 'upper'} case; write \`${want}\``,
        span: k.span,
        fix: { range: [k.span.start, k.span.end], text: want },
      });
    }
  },
});
