import type { KindSupport } from '../engine/kind.js';

// Placeholder until the makefile parser and rules land.
export const makefileSupport: KindSupport<unknown> = {
  kind: 'makefile',
  parse: () => ({ doc: undefined, problems: [{ message: 'makefile files are not supported yet' }] }),
  rules: [],
};
