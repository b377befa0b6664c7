import { didYouMean } from '../../../util/text.js';
import { defineRule } from '../../engine/types.js';
import { envSectionNames, requiredPlugins, valueLines, type ToxDoc } from '../model.js';
import { isPythonFactor } from '../python-versions.js';

/** Factors some setting line is conditioned on, anywhere in the file (negated ones too). */
function conditionFactors(doc: ToxDoc): Set<string> {
  const used = new Set<string>();
  for (const { line } of valueLines(doc)) {
    for (const alt of line.condition?.alternatives ?? []) for (const f of alt.factors) used.add(f.name);
  }
  return used;
}


/** Plugins known to add no environments of their own. */
const ENV_NEUTRAL_PLUGINS = new Set(['tox-uv', 'tox-gh-actions', 'tox-gh', 'tox-ansi', 'tox-extras', 'tox-pyenv', 'tox-pyenv-redux', 'tox-docker', 'tox-conda', 'tox-pdm', 'tox-poetry', 'tox-wheel']);

export default defineRule<ToxDoc>({
  meta: {
    id: 'tox/factor-without-effect',
    kind: 'tox',
    severity: 'warning',
    description: 'An envlist environment has a factor that no setting depends on, so the factor changes nothing.',
    rationale:
      'tox builds an environment\'s settings from `[testenv:<exact name>]` or, failing that, from `[testenv]`, ' +
      'keeping the lines whose factor condition (`django42: Django>=4.2,<5`) matches the name. A factor that no ' +
      'condition mentions and no section is named after expands to nothing: `py312-djagno42` runs the same as ' +
      '`py312`, and an env such as `lint` without a `[testenv:lint]` section silently runs the test suite. ' +
      '`[testenv:lint]` only applies to the env named exactly `lint`, not to `py312-lint`. Python factors ' +
      '(`py312`, `3.12`) always have an effect (they choose the interpreter); files whose settings use `{env_name}` ' +
      'are skipped, and so are envs without a Python factor when `requires` names a plugin that may define envs.',
    howToFix:
      'Fix the factor\'s spelling, add the conditional settings it should select (`lint: ruff check .`), or add a ' +
      '`[testenv:<name>]` section for the env.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        {
          code: '[tox]\nenvlist = py312-django{42,50}\n\n[testenv]\ndeps =\n    django42: Django>=4.2,<5\n    djagno50: Django>=5.0,<5.1\ncommands = pytest\n',
          note: '`django50` has no condition (the condition is misspelled).',
        },
        {
          code: '[tox]\nenvlist = py312, lint\n\n[testenv]\ncommands = pytest\n',
          note: '`lint` runs pytest: there is no `[testenv:lint]`.',
        },
      ],
      good: [
        {
          code: '[tox]\nenvlist = py{311,312}-django{42,50}, lint\n\n[testenv]\ndeps =\n    django42: Django>=4.2,<5\n    django50: Django>=5.0,<5.1\ncommands = pytest\n\n[testenv:lint]\ncommands = ruff check .\n',
        },
        { code: '[tox]\nenvlist = py312-{unit,integration}\n\n[testenv]\ncommands = pytest tests/{env_name}\n' },
      ],
    },
  },
  check(ctx) {
    const doc = ctx.doc;
    const usesEnvName = [...valueLines(doc)].some(({ line }) =>
      line.substitutions.some((s) => s.kind === 'named' && (s.name === 'env_name' || s.name === 'envname')),
    );
    if (usesEnvName) return;
    const used = conditionFactors(doc);
    const sections = envSectionNames(doc);
    const candidates = [...used].filter((f) => !isPythonFactor(f));
    const reported = new Set<string>();
    // A plugin in `requires` (other than the ones known not to) may define envs such as `docs` itself.
    const pluginsMayDefineEnvs = requiredPlugins(doc).some((p) => !ENV_NEUTRAL_PLUGINS.has(p));
    for (const env of doc.envs) {
      if (sections.has(env.name)) continue;
      if (pluginsMayDefineEnvs && !env.factors.some((f) => isPythonFactor(f.name))) continue;
      for (const factor of env.factors) {
        const key = `${factor.span.start}:${factor.name}`;
        if (factor.name === '' || isPythonFactor(factor.name) || used.has(factor.name) || reported.has(key)) continue;
        reported.add(key);
        const guess = didYouMean(factor.name, candidates);
        const onlyFactor = env.factors.length === 1;
        const sectionHint = sections.has(factor.name) && !onlyFactor
          ? ` (\`[testenv:${factor.name}]\` applies only to the env named exactly \`${factor.name}\`)`
          : '';
        ctx.report({
          message:
            `factor \`${factor.name}\` of env \`${env.name}\` changes nothing: no setting has a \`${factor.name}:\` ` +
            `condition and there is no \`[testenv:${env.name}]\` section, so the env runs plain \`[testenv]\`` +
            sectionHint +
            (guess ? `; did you mean \`${guess}\`?` : ''),
          span: factor.span,
        });
      }
    }
  },
});
