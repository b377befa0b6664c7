import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';

const RESERVED = new Set(['scratch', 'context']);

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/reserved-stage-name',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'A stage is named `scratch` or `context`.',
    rationale:
      '`scratch` is the empty base image and `context` is the build context in `COPY --from` and named-context ' +
      'builds: a stage of either name shadows or is shadowed by them, so `FROM scratch` or `COPY --from=context` no ' +
      'longer mean what they say. BuildKit warns (ReservedStageName), as hadolint does (DL3063); names are compared ' +
      'without case, as BuildKit compares stage names.',
    howToFix: 'Rename the stage (`AS build`, `AS app-context`) and the references to it.',
    fixable: false,
    aliases: ['DL3063'],
    examples: {
      bad: [
        { code: 'FROM alpine:3.20 AS scratch\nRUN echo hi\nFROM scratch\n' },
        { code: 'FROM alpine:3.20 AS context\nCOPY . /src\nFROM alpine:3.20\nCOPY --from=context /src /src\n' },
      ],
      good: [
        { code: 'FROM alpine:3.20 AS build\nRUN echo hi\nFROM scratch\nCOPY --from=build /etc/os-release /\n' },
        { code: 'FROM alpine:3.20 AS src-context\nCOPY . /src\n' },
      ],
    },
  },
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      const alias = stage.from.alias;
      if (!alias || !RESERVED.has(alias.value.toLowerCase())) continue;
      const what = alias.value.toLowerCase() === 'scratch' ? 'the empty base image `scratch`' : 'the build context (`COPY --from=context`)';
      ctx.report({ message: `stage name \`${alias.value}\` is reserved for ${what}; rename the stage`, span: alias.span });
    }
  },
});
