import { defineRule, type AnyFileDoc, type Rule, type RuleMeta, type SecretHit, type SourceFile } from '../../engine/types.js';
import { secretFamily, type SecretFamily } from '../families.js';

/**
 * A rule that reports the engine's secret hits of one family. The finding's span is the
 * secret itself, and it is passed as `secrets` so that code frames mask it too; the
 * message gets only `hit.masked`.
 */
export function secretFamilyRule(
  meta: RuleMeta,
  family: SecretFamily,
  message: (hit: SecretHit, file: SourceFile) => string,
): Rule<AnyFileDoc> {
  return defineRule<AnyFileDoc>({
    meta,
    check(ctx) {
      for (const hit of ctx.doc.secrets) {
        if (secretFamily(hit.detector) !== family) continue;
        ctx.report({ message: message(hit, ctx.file), span: hit.span, secrets: [hit.span] });
      }
    },
  });
}

export function capitalize(text: string): string {
  return text.length > 0 ? text[0]!.toUpperCase() + text.slice(1) : text;
}
