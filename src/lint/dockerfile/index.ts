import type { KindSupport } from '../engine/kind.js';

// Placeholder until the dockerfile parser and rules land.
export const dockerfileSupport: KindSupport<unknown> = {
  kind: 'dockerfile',
  parse: () => ({ doc: undefined, problems: [{ message: 'dockerfile files are not supported yet' }] }),
  rules: [],
};
