import type { CommandSpec } from '../command.js';
import { UsageError } from '../errors.js';

// Placeholder: replaced by the real command.
export const explainCommand: CommandSpec = {
  command: 'explain',
  describe: 'explain (not yet available)',
  builder: (y) => y,
  run: async () => {
    throw new UsageError('slipway explain is not available yet');
  },
};
