import type { KindSupport } from '../engine/kind.js';

// Placeholder until the gitlab-ci parser and rules land.
export const gitlabCiSupport: KindSupport<unknown> = {
  kind: 'gitlab-ci',
  parse: () => ({ doc: undefined, problems: [{ message: 'gitlab-ci files are not supported yet' }] }),
  rules: [],
};
