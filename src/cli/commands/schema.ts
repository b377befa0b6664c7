import type { CommandSpec } from '../command.js';
import { SUMMARIES } from './summaries.js';
import { descriptorSchema, lintConfigSchema } from '../../descriptor/schema.js';
import { renderDescriptorDocs } from '../../descriptor/docs.js';
import { schemaJson } from '../../descriptor/schema-files.js';

export const schemaCommand: CommandSpec = {
  ...SUMMARIES.schema,
  builder: (y) =>
    y
      .option('lint', {
        type: 'boolean',
        default: false,
        describe: 'The schema of a standalone .slipway.yaml lint configuration instead',
      })
      .option('format', {
        choices: ['json', 'markdown'] as const,
        default: 'json' as const,
        describe: 'json: the JSON schema; markdown: the reference docs/descriptor.md is made from',
      })
      .example('$0 schema > slipway.schema.json', 'Save the schema for an editor')
      .example('$0 schema --format markdown', 'Print the descriptor reference'),
  run: async (args, io) => {
    if (args.format === 'markdown') io.out(renderDescriptorDocs());
    else io.out(schemaJson(args.lint ? lintConfigSchema : descriptorSchema));
    return 0;
  },
};
