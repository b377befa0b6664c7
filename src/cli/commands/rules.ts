import type { CommandSpec } from '../command.js';
import { UsageError } from '../errors.js';

// Placeholder: replaced by the real command.
export const rulesCommand: CommandSpec = {
  command: 'rules',
  describe: 'rules (not yet available)',
  builder: (y) => y,
  run: async () => {
    throw new UsageError('slipway rules is not available yet');
  },
};
