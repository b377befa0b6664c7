import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';
import { variableReferences } from '../references.js';
import { PREDEFINED_GLOBAL_ARGS } from '../state.js';
import { expand } from '../variables.js';

/** Docker's reference grammar: `[domain/]path[:tag][@digest]`, lower-case path components. */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?|\\[[0-9a-fA-F:]+\\](?::[0-9]+)?)';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`);

export function isValidReference(ref: string): boolean {
  return REFERENCE.test(ref);
}

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/invalid-default-arg-in-from',
    kind: 'dockerfile',
    severity: 'warning',
    description: 'A FROM image is empty or invalid unless a build argument is passed (`ARG TAG` without a default).',
    rationale:
      'A build should work with no `--build-arg`: with `ARG TAG` and `FROM busybox:${TAG}`, a plain `docker build` ' +
      'asks for `busybox:` and fails with an error about the reference rather than about the missing argument. ' +
      'BuildKit warns (InvalidDefaultArgInFrom); hadolint has no such rule. A variable that may be empty ' +
      '(`FROM busybox:stable${VARIANT}`) is fine; BuildKit\'s automatic platform ARGs always have a value.',
    howToFix: 'Give the ARG a default that makes a valid image: `ARG TAG=1.36`.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'ARG TAG\nFROM busybox:${TAG}\n' },
        { code: 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n' },
      ],
      good: [
        { code: 'ARG TAG=1.36\nFROM busybox:${TAG}\n' },
        { code: 'ARG VARIANT\nFROM busybox:stable${VARIANT}\n' },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const args = doc.globalState.args;
    for (const stage of doc.stages) {
      const image = stage.image;
      if (!image || image.stage || image.unresolved.length === 0) continue;
      // Only when every variable is a declared ARG (an undeclared one is undefined-arg-in-from's).
      if (!image.unresolved.every((n) => args.has(n)) || image.unresolved.some((n) => PREDEFINED_GLOBAL_ARGS.includes(n))) continue;
      const span = image.token.span;
      const raw = doc.text.slice(span.start, span.end);
      const exp = expand(raw.includes('\n') ? image.token.value : raw, span.start, (n) => args.get(n)?.value ?? (args.has(n) ? '' : undefined), doc.escapeChar);
      if (exp.unresolved.length > 0 || isValidReference(exp.value)) continue;
      const empty = variableReferences(doc, span).filter((r) => args.has(r.name) && args.get(r.name)!.value === undefined).map((r) => r.name);
      ctx.report({
        message: `without \`--build-arg\`, ${[...new Set(empty)].map((n) => `\`${n}\``).join(', ')} ${empty.length > 1 ? 'are' : 'is'} empty and the image is \`${exp.value}\`, which is not a valid image reference; give the ARG a default`,
        span,
      });
    }
  },
});
