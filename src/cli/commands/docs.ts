import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { loadRegistry } from '../../lint/index.js';
import { rulesMarkdown } from '../../report/rule-docs.js';
import type { CommandSpec } from '../command.js';
import { SUMMARIES } from './summaries.js';

export const docsCommand: CommandSpec = {
  ...SUMMARIES.docs,
  builder: (y) =>
    y
      .option('out', { type: 'string', default: 'docs/rules.md', describe: 'File to write' })
      .option('check', { type: 'boolean', default: false, describe: 'Write nothing; exit 1 when the file is not up to date' }),
  run: async (args, io) => {
    const out = resolve(String(args.out));
    const text = await rulesMarkdown(await loadRegistry());
    let current: string | undefined;
    try {
      current = readFileSync(out, 'utf8');
    } catch {
      current = undefined;
    }
    if (args.check) {
      if (current === text) return 0;
      io.err(`${String(args.out)} is not up to date: run slipway docs (npm run docs)\n`);
      return 1;
    }
    if (current !== text) writeFileAtomic(out, text);
    io.out(`${current === text ? 'unchanged' : 'wrote'} ${String(args.out)}\n`);
    return 0;
  },
};
