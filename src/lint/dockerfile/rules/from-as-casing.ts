import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/from-as-casing',
    kind: 'dockerfile',
    severity: 'style',
    description: 'The `AS` of a FROM is not written in the same case as `FROM`.',
    rationale:
      '`FROM node AS build` and `from node as build` both read well; `FROM node as build` mixes the two styles, and ' +
      'BuildKit warns about it (FromAsCasing). hadolint has no such rule. A FROM keyword in mixed case (`From`) is ' +
      'left to dockerfile/inconsistent-instruction-casing.',
    howToFix: 'Write `AS` in upper case after `FROM`, `as` after `from` (`--fix` does it).',
    fixable: true,
    aliases: [],
    examples: {
      bad: [
        { code: 'FROM golang:1.23 as build\nFROM alpine:3.20\n', output: 'FROM golang:1.23 AS build\nFROM alpine:3.20\n' },
        { code: 'from golang:1.23 AS build\nfrom alpine:3.20\n', output: 'from golang:1.23 as build\nfrom alpine:3.20\n' },
      ],
      good: [
        { code: 'FROM golang:1.23 AS build\nFROM alpine:3.20\n' },
        { code: 'from golang:1.23 as build\nfrom alpine:3.20\n' },
      ],
    },
  },
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      const { keywordToken, asToken } = stage.from;
      if (!asToken) continue;
      const from = keywordToken.value;
      const expected = from === from.toUpperCase() ? 'AS' : from === from.toLowerCase() ? 'as' : undefined;
      if (!expected || asToken.value === expected) continue;
      ctx.report({
        message: `\`${asToken.value}\` does not match the case of \`${from}\`; write \`${expected}\``,
        span: asToken.span,
        fix: { range: [asToken.span.start, asToken.span.end], text: expected },
      });
    }
  },
});
