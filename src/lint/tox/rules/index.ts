import type { Rule } from '../../engine/types.js';
import type { ToxDoc } from '../model.js';
import duplicateKey from './duplicate-key.js';
import eolPython from './eol-python.js';
import factorWithoutEffect from './factor-without-effect.js';
import malformedEnvlist from './malformed-envlist.js';
import multiplePythonFactors from './multiple-python-factors.js';
import passenvSpaces from './passenv-spaces.js';
import pipInstallInCommands from './pip-install-in-commands.js';
import removedKey from './removed-key.js';
import unescapedHash from './unescaped-hash.js';
import unknownKey from './unknown-key.js';
import unresolvedReference from './unresolved-reference.js';

/** Every tox rule, sorted by id. */
export const toxRules: readonly Rule<ToxDoc>[] = [
  duplicateKey,
  eolPython,
  factorWithoutEffect,
  malformedEnvlist,
  multiplePythonFactors,
  passenvSpaces,
  pipInstallInCommands,
  removedKey,
  unescapedHash,
  unknownKey,
  unresolvedReference,
];
