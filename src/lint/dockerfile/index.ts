/**
 * Dockerfile support: the parser (parse.ts → model.ts) and the rules (rules/index.ts).
 * The shell parser must be loaded first: the engine awaits `initShell()` from ../shell once.
 */
import type { KindSupport } from '../engine/kind.js';
import type { DockerfileDoc } from './model.js';
import { parseDockerfile } from './parse.js';
import { dockerfileRules } from './rules/index.js';

export const dockerfileSupport: KindSupport<DockerfileDoc> = {
  kind: 'dockerfile',
  parse: (file) => parseDockerfile(file),
  rules: dockerfileRules,
  statementRange: (doc, line) => doc.statementRange(line),
};

export { parseDockerfile } from './parse.js';
export { dockerfileShellRule, wrapShellExample } from './shell-rule.js';
export type * from './model.js';
export { KEYWORDS } from './model.js';
