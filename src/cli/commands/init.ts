import type { CommandSpec } from '../command.js';
import { UsageError } from '../errors.js';

// Placeholder: replaced by the real command.
export const initCommand: CommandSpec = {
  command: 'init',
  describe: 'init (not yet available)',
  builder: (y) => y,
  run: async () => {
    throw new UsageError('slipway init is not available yet');
  },
};
