import { defineRule } from '../../engine/types.js';
import type { ToxDoc } from '../model.js';
import { parsePythonVersion } from '../python-versions.js';

export default defineRule<ToxDoc>({
  meta: {
    id: 'tox/multiple-python-factors',
    kind: 'tox',
    severity: 'error',
    description: 'An envlist name holds two Python factors, such as `py311-py312` or `lint-py312-pypy3`.',
    rationale:
      'tox takes the interpreter from the Python factor of the env name; with two of them it cannot choose, and ' +
      'tox 4 stops with an error instead of tox 3\'s warning (tox.wiki, "Upgrading to tox v4", "Disallowed env ' +
      'names"). Usually a brace group was multiplied with another one by mistake.',
    howToFix: 'Keep one Python factor per env name, e.g. `py{311,312}-lint` instead of `py311-py312-lint`.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [{ code: '[tox]\nenvlist = py311-py312\n' }, { code: '[tox]\nenvlist = {py311,pypy3}-{py312,lint}\n' }],
      good: [{ code: '[tox]\nenvlist = py{311,312}-lint\n' }, { code: '[tox]\nenvlist = 3.12-unit, pypy3-unit\n' }],
    },
  },
  check(ctx) {
    const reported = new Set<string>();
    for (const env of ctx.doc.envs) {
      const pythons = env.factors.filter((f) => !f.negated && parsePythonVersion(f.name) !== undefined);
      if (pythons.length < 2 || reported.has(env.name)) continue;
      reported.add(env.name);
      ctx.report({
        message: `env \`${env.name}\` names ${pythons.length} Pythons (${pythons.map((f) => `\`${f.name}\``).join(', ')}); tox 4 refuses it — keep one`,
        span: pythons[1]!.span,
      });
    }
  },
});
