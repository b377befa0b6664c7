import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';

/** A LABEL value in double quotes (variables are expanded in LABEL, not in MAINTAINER: escape `$`). */
function labelValue(value: string): string {
  return `"${value.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/maintainer-deprecated',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'The MAINTAINER instruction is used.',
    rationale:
      'MAINTAINER has been deprecated since Docker 1.13 (BuildKit warns MaintainerDeprecated). The OCI label ' +
      '`org.opencontainers.image.authors` carries the same information where registries and tools look for it.',
    howToFix: 'Replace it with `LABEL org.opencontainers.image.authors="Name <email>"` (`--fix` does this).',
    fixable: true,
    aliases: ['DL4000'],
    examples: {
      bad: [
        {
          code: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n',
          output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
        },
        {
          code: 'FROM alpine:3.20\nmaintainer "ops team"\n',
          output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="\\"ops team\\""\n',
          note: 'any keyword case; the value is kept as written',
        },
      ],
      good: [
        { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n' },
        { code: 'FROM alpine:3.20\nLABEL maintainer="jane@example.com"\n' },
      ],
    },
  },
  check(ctx) {
    for (const ins of ctx.doc.find('MAINTAINER')) {
      const value = ins.argsText.trim();
      const fix = ins.argsSpan && value !== '' ? { range: [ins.keywordToken.span.start, ins.argsSpan.end] as [number, number], text: `LABEL org.opencontainers.image.authors=${labelValue(value)}` } : undefined;
      ctx.report({
        message: 'MAINTAINER is deprecated; use `LABEL org.opencontainers.image.authors="…"`',
        span: ins.keywordToken.span,
        ...(fix ? { fix } : {}),
      });
    }
  },
});
