import { didYouMean } from '../../util/text.js';
import { ENGINE_RULES } from '../../lint/engine/engine-rules.js';
import { loadRegistry } from '../../lint/index.js';
import { exampleMasker, explainText } from '../../report/rule-docs.js';
import type { CommandSpec } from '../command.js';
import { SUMMARIES } from './summaries.js';
import { UsageError } from '../errors.js';

export const explainCommand: CommandSpec = {
  ...SUMMARIES.explain,
  builder: (y) => y.positional('rule', { type: 'string', describe: 'Rule id or alias' }),
  run: async (args, io) => {
    const name = String(args.rule).trim();
    const registry = await loadRegistry();
    const upper = name.toUpperCase();
    const matches = [
      ...registry.rules.map((r) => r.meta).filter((m) => m.id === name || m.aliases.some((a) => a.toUpperCase() === upper)),
      ...ENGINE_RULES.filter((e) => e.id === name),
    ];
    if (matches.length === 0) {
      const candidates = [...registry.byId.keys(), ...ENGINE_RULES.map((e) => e.id), ...registry.rules.flatMap((r) => r.meta.aliases)];
      const guess = didYouMean(name, candidates);
      throw new UsageError(`unknown rule "${name}"${guess ? `; did you mean "${guess}"?` : ''} (slipway rules lists them)`);
    }
    const mask = await exampleMasker(registry);
    const texts = await Promise.all(matches.map((m) => explainText(m, mask)));
    io.out(texts.join('\n---\n\n'));
    return 0;
  },
};
