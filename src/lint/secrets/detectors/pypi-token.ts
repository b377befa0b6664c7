import type { SecretHit } from '../../engine/types.js';
import { secretHit } from '../hit.js';

/**
 * PyPI API tokens (`twine upload` in the CI of a Python package, which is what slipway
 * generates for). secretlint's preset has no PyPI rule. A token is `pypi-` followed by a
 * base64url macaroon whose first bytes encode the issuing index, so the body starts with
 * a fixed string for pypi.org and for test.pypi.org: no look-alike matches by chance.
 */
const PYPI_TOKEN = /(?<![0-9A-Za-z])pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[0-9A-Za-z_-]{50,1000}(?![0-9A-Za-z_-])/g;

export function findPypiTokens(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const m of text.matchAll(PYPI_TOKEN)) {
    hits.push(secretHit(text, 'pypi-token', 'PyPI API token', m.index, m.index + m[0].length));
  }
  return hits;
}
