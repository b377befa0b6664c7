/**
 * Every shell check, sorted by name. Each host instantiates the ones whose `hosts` include it, one rule
 * file per check (src/lint/dockerfile/rules/<name>.ts, src/lint/gitlab-ci/rules/<name>.ts); a test
 * checks that none is forgotten.
 */
import type { ShellCheck } from '../check.js';
import aptGetMissingNoInstallRecommends from './apt-get-missing-no-install-recommends.js';
import aptGetMissingYes from './apt-get-missing-yes.js';
import aptInsteadOfAptGet from './apt-instead-of-apt-get.js';
import sudoUsed from './sudo-used.js';

export const shellChecks: readonly ShellCheck[] = [aptGetMissingNoInstallRecommends, aptGetMissingYes, aptInsteadOfAptGet, sudoUsed];
