import type { CommandSpec } from '../command.js';
import { UsageError } from '../errors.js';

// Placeholder: replaced by the real command.
export const lintCommand: CommandSpec = {
  command: 'lint',
  describe: 'lint (not yet available)',
  builder: (y) => y,
  run: async () => {
    throw new UsageError('slipway lint is not available yet');
  },
};
