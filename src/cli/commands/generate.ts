import type { CommandSpec } from '../command.js';
import { UsageError } from '../errors.js';

// Placeholder: replaced by the real command.
export const generateCommand: CommandSpec = {
  command: 'generate',
  describe: 'generate (not yet available)',
  builder: (y) => y,
  run: async () => {
    throw new UsageError('slipway generate is not available yet');
  },
};
