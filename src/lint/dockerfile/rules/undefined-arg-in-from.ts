import { defineRule } from '../../engine/types.js';
import { didYouMean } from '../../../util/text.js';
import type { DockerfileDoc } from '../model.js';
import { variableReferences } from '../references.js';
import { PREDEFINED_GLOBAL_ARGS } from '../state.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/undefined-arg-in-from',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'FROM uses a variable that no ARG before the first FROM declares.',
    rationale:
      'FROM only sees the ARGs declared before the first FROM (and BuildKit\'s automatic platform ARGs such as ' +
      '`$BUILDPLATFORM`); any other variable is empty, so `FROM python:${PY_VERSION}` without `ARG PY_VERSION` ' +
      'above it pulls `python:`, and an ARG declared inside a stage does not help. BuildKit warns ' +
      '(UndefinedArgInFrom); hadolint has no such rule.',
    howToFix: 'Declare the ARG before the first FROM, with a default: `ARG PY_VERSION=3.12`.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'FROM python:${PY_VERSION}-slim\n' },
        { code: 'ARG PYTHON_VERSION=3.12\nFROM python:${PY_VERSION}-slim\n', note: 'a typo' },
        { code: 'FROM alpine:3.20\nARG TAG=1.27\nFROM nginx:$TAG\n', note: 'an ARG inside a stage is not global' },
      ],
      good: [
        { code: 'ARG PY_VERSION=3.12\nFROM python:${PY_VERSION}-slim\n' },
        { code: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n' },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const declared = [...doc.globalState.args.keys(), ...PREDEFINED_GLOBAL_ARGS];
    for (const stage of doc.stages) {
      const from = stage.from;
      const spans = [from.image?.token.span, from.platform?.valueSpan].filter((s) => s !== undefined);
      for (const span of spans) {
        for (const ref of variableReferences(doc, span)) {
          if (declared.includes(ref.name)) continue;
          const guess = didYouMean(ref.name, declared);
          ctx.report({
            message: `\`${ref.name}\` is not declared by an ARG before the first FROM, so it is empty here${guess ? `; did you mean \`${guess}\`?` : `; add \`ARG ${ref.name}=<default>\` at the top of the file`}`,
            span: ref.span,
          });
        }
      }
    }
  },
});
