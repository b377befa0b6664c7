/** Secret detection for every file kind: the scanner the engine awaits once per file, and the rules. */
import type { AnyKindSupport } from '../engine/kind.js';
import { secretRules } from './rules/index.js';
import { scanSecrets } from './scan.js';

export { initSecrets, scanSecrets, findSecretsSync } from './scan.js';
export { maskSecret } from './mask.js';
export { secretFamily, type SecretFamily } from './families.js';
export { secretRules } from './rules/index.js';

/** The `any` kind: each file's secret hits (scanned once) are the document of every secret rule. */
export const anySupport: AnyKindSupport = {
  prepare: async (file) => ({ secrets: await scanSecrets(file) }),
  rules: secretRules,
};
