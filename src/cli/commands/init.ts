import { join } from 'node:path';
import type { CommandSpec } from '../command.js';
import { SUMMARIES } from './summaries.js';
import { describeDetection, initProject } from '../../init/index.js';
import { terminalPrompter } from '../../init/prompt.js';

export const initCommand: CommandSpec = {
  ...SUMMARIES.init,
  builder: (y) =>
    y
      .option('cwd', { type: 'string', default: '.', describe: 'The repository to write slipway.yaml for' })
      .option('preset', { type: 'string', describe: 'Preset to extend (python-tornado, python-flask, python-fastapi, node-express, node-vite, go-http, none); default: detected' })
      .option('yes', { alias: 'y', type: 'boolean', default: false, describe: 'Accept what was detected; never prompt' })
      .option('force', { type: 'boolean', default: false, describe: 'Overwrite an existing slipway.yaml' })
      .option('dry-run', { type: 'boolean', default: false, describe: 'Print the descriptor instead of writing it' })
      .example('$0 init --yes', 'Write slipway.yaml without asking')
      .example('$0 init --preset python-flask --dry-run', 'Show what would be written'),
  run: async (args, io) => {
    const interactive = !args.yes && io.isTTY && Boolean(process.stdin.isTTY);
    const prompter = interactive ? terminalPrompter() : undefined;
    const shown = join(String(args.cwd), 'slipway.yaml');
    try {
      const result = await initProject({
        cwd: String(args.cwd),
        ...(typeof args.preset === 'string' ? { preset: args.preset } : {}),
        force: Boolean(args.force),
        dryRun: Boolean(args['dry-run']),
        ...(prompter ? { prompter } : {}),
      });
      if (result.status === 'exists') {
        io.err(`slipway: error: ${shown} already exists; run with --force to overwrite it, or --dry-run to see the proposal\n`);
        return 1;
      }
      if (result.status === 'dry-run') {
        io.out(result.text);
        return 0;
      }
      const lines = [`Wrote ${shown}${result.proposal?.preset ? ` (preset ${result.proposal.preset})` : ''}.`];
      for (const found of describeDetection(result.detection!)) lines.push(`  found ${found}`);
      for (const note of result.proposal!.notes) lines.push(`  check: ${note}`);
      lines.push('Next: slipway generate');
      io.out(`${lines.join('\n')}\n`);
      return 0;
    } finally {
      prompter?.close();
    }
  },
};
