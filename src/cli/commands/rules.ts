import type { RuleMeta } from '../../lint/engine/types.js';
import { loadRegistry } from '../../lint/index.js';
import type { CommandSpec } from '../command.js';
import { SUMMARIES } from './summaries.js';

const KINDS = ['dockerfile', 'gitlab-ci', 'makefile', 'tox', 'descriptor', 'project', 'any'];

export const rulesCommand: CommandSpec = {
  ...SUMMARIES.rules,
  builder: (y) =>
    y
      .option('kind', { choices: KINDS, describe: 'Only the rules of this kind (any: the secret rules that read every file)' })
      .option('format', { alias: 'f', choices: ['table', 'json'], default: 'table', describe: 'table, or json: the full metadata array' }),
  run: async (args, io) => {
    const registry = await loadRegistry();
    const kind = args.kind as string | undefined;
    const metas = registry.rules.map((r) => r.meta).filter((m) => kind === undefined || m.kind === kind);
    io.out(args.format === 'json' ? `${JSON.stringify(metas, null, 2)}\n` : rulesTable(metas));
    return 0;
  },
};

/** A plain-text table, one rule per line, columns padded to their widest cell. */
export function rulesTable(metas: readonly RuleMeta[]): string {
  const rows = [
    ['RULE', 'SEVERITY', 'FIX', 'ALIASES', 'DESCRIPTION'],
    ...metas.map((m) => [m.id, m.severity, m.fixable ? 'yes' : '', m.aliases.join(','), m.description]),
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => r.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]!) : cell)).join('  ').trimEnd());
  return `${lines.join('\n')}\n${metas.length} rule${metas.length === 1 ? '' : 's'}\n`;
}
