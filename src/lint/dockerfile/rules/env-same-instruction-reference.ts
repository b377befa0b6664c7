import { defineRule } from '../../engine/types.js';
import type { DockerfileDoc } from '../model.js';
import { variableReferences } from '../references.js';

export default defineRule<DockerfileDoc>({
  meta: {
    id: 'dockerfile/env-same-instruction-reference',
    kind: 'dockerfile',
    severity: 'error',
    description: 'An ENV value uses a variable that an earlier pair of the same ENV sets.',
    rationale:
      'All values of one ENV are expanded with the environment as it was before the instruction: in ' +
      '`ENV APP=/app PATH=$APP/bin:$PATH`, `$APP` is still empty (or its old value), not `/app`, so PATH gets `/bin`. ' +
      'hadolint (DL3044) reports a reference to any name of the same ENV unless an earlier ARG/ENV defined it; ' +
      'slipway reports only references to pairs written before (a name set later in the line reads as not yet set, ' +
      'which is what happens), and also when an earlier ARG/ENV gave the variable a value, since the value used is ' +
      'then the old one, not the one just written.',
    howToFix: 'Split it: `ENV APP=/app` on one line, then `ENV PATH=$APP/bin:$PATH`.',
    fixable: false,
    aliases: ['DL3044'],
    examples: {
      bad: [
        { code: 'FROM python:3.12-slim\nENV APP_HOME=/app PATH=$APP_HOME/bin:$PATH\n' },
        { code: 'FROM python:3.12-slim\nENV VERSION=1\nENV VERSION=2 \\\n    URL=https://example.com/v${VERSION}\n', note: 'gets the old value, 1' },
      ],
      good: [
        { code: 'FROM python:3.12-slim\nENV APP_HOME=/app\nENV PATH=$APP_HOME/bin:$PATH\n' },
        { code: 'FROM python:3.12-slim\nENV PATH=/opt/bin:$PATH LANG=C.UTF-8\n', note: 'its own old value' },
      ],
    },
  },
  check(ctx) {
    const { doc } = ctx;
    for (const env of doc.find('ENV', { triggers: true })) {
      env.pairs.forEach((pair, i) => {
        if (!pair.value || i === 0) return;
        const earlier = new Map(env.pairs.slice(0, i).map((p) => [p.name.value, p] as const));
        for (const ref of variableReferences(doc, pair.value.span)) {
          const set = earlier.get(ref.name);
          if (!set || ref.name === pair.name.value) continue;
          const old = env.state.variable(ref.name);
          const gets = old === undefined ? 'is still unset here' : `still has its old value \`${old}\` here`;
          ctx.report({
            message: `\`${ref.name}\` is set by this same ENV, but values are expanded before it takes effect, so \`${ref.text}\` ${gets}; move \`${pair.name.value}\` to a separate ENV after it`,
            span: ref.span,
          });
        }
      });
    }
  },
});
