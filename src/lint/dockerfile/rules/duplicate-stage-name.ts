import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc, Stage } from '../model.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/duplicate-stage-name',
    kind: 'dockerfile',
    severity: 'error',
    description: 'Two stages have the same name (`FROM … AS name`).',
    rationale:
      'A stage name is how `FROM <name>`, `COPY --from=<name>` and `--target` find a stage; with two stages of the ' +
      'same name, one of them can never be referenced and a reader cannot tell which one is meant. Stage names are ' +
      'compared without regard to case, as BuildKit compares them (DuplicateStageName): `Build` and `build` are the ' +
      'same stage to BuildKit. hadolint (DL3024) compares case-sensitively, so it misses that pair; on exact ' +
      'duplicates both report the later stage.',
    howToFix: 'Rename one of the stages (and the references that mean it).',
    fixable: false,
    aliases: ['DL3024'],
    examples: {
      bad: [
        { code: 'FROM golang:1.23 AS build\nRUN go build ./...\nFROM node:22-slim AS build\nRUN npm ci\nFROM alpine:3.20\n' },
        { code: 'FROM golang:1.23 AS Build\nFROM golang:1.23 AS build\nFROM alpine:3.20\n', note: 'BuildKit compares names without case' },
      ],
      good: [
        { code: 'FROM golang:1.23 AS build-go\nFROM node:22-slim AS build-web\nFROM alpine:3.20\n' },
        { code: 'FROM golang:1.23 AS build\nFROM build AS test\nFROM alpine:3.20\n' },
      ],
    },
  },
  check(ctx) {
    const seen = new Map<string, Stage>();
    for (const stage of ctx.doc.stages) {
      const alias = stage.from.alias;
      if (!alias || alias.value === '') continue;
      const key = alias.value.toLowerCase();
      const first = seen.get(key);
      if (!first) {
        seen.set(key, stage);
        continue;
      }
      const same = first.name === alias.value ? '' : ` (\`${first.name}\`: stage names are compared without case)`;
      ctx.report({
        message: `stage name \`${alias.value}\` is already used by the stage on line ${first.from.startLine}${same}; give this stage another name`,
        span: alias.span,
      });
    }
  },
});
