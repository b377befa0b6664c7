/**
 * Lint kind `descriptor`: slipway.yaml. Parsing is the descriptor loader itself, so `slipway lint`
 * reports exactly the errors `slipway generate` stops on (as parse errors, exit status 2), and
 * its warnings as rules.
 */
import type { Project } from '../../descriptor/model.js';
import type { KindSupport } from '../engine/kind.js';
import { factsOf } from './facts.js';
import { parseDescriptor } from './parse.js';
import { descriptorRules } from './rules/index.js';
import { yamlStatementRange } from './statement-range.js';

export const descriptorSupport: KindSupport<Project> = {
  kind: 'descriptor',
  parse: parseDescriptor,
  rules: descriptorRules,
  statementRange: (doc, line) => {
    const source = factsOf(doc)?.source;
    return source ? yamlStatementRange(source, line) : undefined;
  },
};
