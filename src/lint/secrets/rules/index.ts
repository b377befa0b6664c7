import type { AnyFileDoc, Rule } from '../../engine/types.js';
import hardcodedToken from './hardcoded-token.js';
import privateKey from './private-key.js';
import secretNamedLiteral from './secret-named-literal.js';
import urlCredentials from './url-credentials.js';

/** The rules of kind `any` that report secret hits, sorted by id. */
export const secretRules: readonly Rule<AnyFileDoc>[] = [hardcodedToken, privateKey, secretNamedLiteral, urlCredentials];
