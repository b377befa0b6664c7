import type { CommandSpec } from '../command.js';
import { UsageError } from '../errors.js';

// Placeholder: replaced by the real command.
export const schemaCommand: CommandSpec = {
  command: 'schema',
  describe: 'schema (not yet available)',
  builder: (y) => y,
  run: async () => {
    throw new UsageError('slipway schema is not available yet');
  },
};
