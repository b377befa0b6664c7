import type { KindSupport } from '../engine/kind.js';

// Placeholder until the tox parser and rules land.
export const toxSupport: KindSupport<unknown> = {
  kind: 'tox',
  parse: () => ({ doc: undefined, problems: [{ message: 'tox files are not supported yet' }] }),
  rules: [],
};
