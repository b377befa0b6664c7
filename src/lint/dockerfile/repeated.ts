/** Instructions that take effect once per stage (ENTRYPOINT, HEALTHCHECK): the ones the last hides. */
import type { RuleContext } from '../engine/types.js';
import type { DockerfileDoc, Keyword } from './model.js';

/** Reports every `keyword` after the first in each stage: only the last one takes effect. */
export function reportRepeated(ctx: RuleContext<DockerfileDoc>, keyword: Keyword): void {
  for (const stage of ctx.doc.stages) {
    const all = stage.find(keyword);
    for (let i = 1; i < all.length; i++) {
      ctx.report({
        message: `another ${keyword} in this stage: only the last one takes effect, so the ${keyword} on line ${all[i - 1]!.startLine} is ignored; keep one`,
        span: all[i]!.keywordToken.span,
      });
    }
  }
}
