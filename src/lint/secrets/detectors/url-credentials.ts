import type { SecretHit } from '../../engine/types.js';
import { secretHit } from '../hit.js';
import { whyNotASecret } from '../literal-value.js';

/**
 * Passwords written into URLs: `scheme://user:password@host` (database URLs, `git clone
 * https://oauth2:…@`, registry and proxy URLs). The span is the password alone.
 *
 * Subsumes secretlint's basic-auth and connection-string rules (slipway drops their hits):
 * those report the whole URL for any password, while slipway's CI files are full of
 * `postgres://postgres:postgres@postgres/test` for a service container that lives as long
 * as the job. A password is reported when it is a literal (not `$DB_PASSWORD`,
 * `${PASS}`, `%s`), not a placeholder (`password`, `changeme`, `xxx`, `<pass>`), and not
 * the user name again.
 *
 * The pattern is linear: user and password are bounded runs of classes that exclude the
 * delimiters after them (`:` ends the user, `@` ends the password), so no split is retried.
 */
const URL_WITH_PASSWORD =
  /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{0,30}):\/\/([^\s:/?#@'"`<>\\[\]{}|^]{1,256}):([^\s/?#@'"`<>\\[\]{}|^]{1,256})@(?=[^\s@/]*[A-Za-z0-9\]])/g;

export function findUrlCredentials(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const m of text.matchAll(URL_WITH_PASSWORD)) {
    const scheme = m[1]!.toLowerCase();
    const user = m[2]!;
    const password = m[3]!;
    if (!isLiteralPassword(user, password)) continue;
    const start = m.index + m[0].length - 1 - password.length;
    hits.push(secretHit(text, 'url-password', `password in a \`${scheme}://\` URL`, start, start + password.length));
  }
  return hits;
}

function isLiteralPassword(user: string, password: string): boolean {
  if (password.includes('%s') || password.includes('%(')) return false; // printf-style templates
  if (/^\d{1,5}$/.test(password)) return false; // `host:port@…`, not a password
  if (password.toLowerCase() === user.toLowerCase()) return false;
  // Passwords are short more often than named values are; judge them with a lower floor.
  return whyNotASecret(password, { nameWords: [user.toLowerCase()], minLength: 4 }) === undefined;
}
