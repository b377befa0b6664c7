/**
 * Is a value written next to a secret name (or in a URL's password) a committed secret?
 *
 * Only literal values are. Precision comes first, because a secret rule that cries wolf on
 * every CI file gets switched off:
 *
 * - references are not secrets: `$VAR`, `${VAR}`, `$(cmd)`, `${{ secrets.X }}`, `$$VAR`
 *   (any `$` at all), `{{ template }}`, `%VAR%`, `@VAR@`, `<placeholder>`, another
 *   variable's NAME (`DEPLOY_TOKEN`), a file or secret-store reference (`/run/secrets/x`,
 *   `./token.txt`, `vault:…`, `arn:aws:secretsmanager:…`, `op://…`);
 * - empty values, booleans, short numbers, URLs (their passwords are the url detector's)
 *   and values with spaces (prose, not credentials) are not secrets;
 * - placeholders are not reported, although they sit in version control: `changeme`,
 *   `xxxx`, `****`, `your-token-here`, `<token>`, `...`, and throwaway values such as
 *   `POSTGRES_PASSWORD: postgres` or `MYSQL_ROOT_PASSWORD: root` for a CI service
 *   container that lives as long as the job (a value equal to a word of its own name, or a
 *   value containing test/dummy/fake/example/insecure/…, a value spelled only with
 *   placeholder words and digits such as `secret_key`, `accesskey`, `value1`,
 *   `nottherealsecretkeydontworry`, a value that is part of a word of its own name such as
 *   `NAGIOSADMIN_PASS=nagios`). A leaked placeholder gives an attacker nothing that the
 *   image's documentation does not;
 * - names rather than secrets: a slug of three or more lower-case words
 *   (`tls-wildcard-review-example-io`, the name of a Kubernetes secret), a regular
 *   expression fragment, a tox substitution (`{env:DB_PASSWORD:debug}`).
 */

/** Values shorter than this are not reported (`abc`, `1234`): too short to be a real credential. */
export const MIN_SECRET_LENGTH = 6;

const PLACEHOLDER_VALUES = new Set([
  'changeme',
  'changeit',
  'change_me',
  'change-me',
  'password',
  'passwd',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'secret',
  'secrets',
  'token',
  'apikey',
  'api_key',
  'api-key',
  'none',
  'null',
  'nil',
  'undefined',
  'unset',
  'empty',
  'default',
  'todo',
  'tbd',
  'fixme',
  'redacted',
  'removed',
  'hidden',
  'masked',
  'required',
  'optional',
  'mysecretpassword',
  'mysecret',
  'mypassword',
  'supersecret',
  'topsecret',
  'postgres',
  'postgresql',
  'mysql',
  'mariadb',
  'mongo',
  'mongodb',
  'redis',
  'rabbitmq',
  'root',
  'admin',
  'administrator',
  'guest',
  'user',
  'username',
  'letmein',
  'qwerty',
  'abc123',
  'abcdef',
  '123456',
  '1234567',
  '12345678',
  '123456789',
  '1234567890',
  'password1',
  'password123',
]);

/** Words that mark a value as made up for tests or documentation. */
const MADE_UP_MARKERS =
  /test|dummy|fake|example|sample|placeholder|insecure|irrelevant|notsecret|not-a-secret|not_a_secret|notasecret|changeme|change-me|change_me|replace|redacted|your[-_]|[-_]here\b|xxx|\*\*\*|\.\.\./i;

/** Words that placeholder values are spelled with (`secret_key`, `mysecretpassword`, `anyvalue`). */
const PLACEHOLDER_WORDS = new Set([
  'secret', 'secrets', 'key', 'keys', 'access', 'password', 'passwd', 'pass', 'pwd', 'token', 'api', 'auth',
  'my', 'your', 'the', 'a', 'an', 'test', 'testing', 'dev', 'local', 'value', 'any', 'some', 'random', 'stuff',
  'dummy', 'fake', 'mock', 'default', 'admin', 'root', 'user', 'change', 'me', 'it', 'please', 'here', 'foo',
  'bar', 'baz', 'example', 'sample', 'private', 'public', 'app', 'db', 'client', 'not', 'real', 'dont', 'worry',
  'secure', 'insecure', 'unsafe', 'irrelevant', 'demo', 'ci', 'tmp', 'temp', 'super', 'top', 'very', 'no',
  'none', 'abc', 'xyz', 'qwerty', 'letmein', 'welcome', 'hello', 'world', 'set', 'by', 'env', 'for', 'only',
]);
const LONGEST_PLACEHOLDER_WORD = 10;

const NOT_LITERAL_SYNTAX = [
  /\$/, // $VAR ${VAR} $(cmd) ${{ expr }} $$VAR
  /\{\{|\}\}/, // {{ template }}
  /%[A-Za-z_][\w]*%/, // %VAR%
  /@[A-Za-z_][\w]*@/, // @VAR@ (autoconf)
  /^<.*>$/, // <placeholder>
  /^\[.*\]$/, // [REDACTED]
  /`/, // `command`
  /\{(?:env|posargs|toxinidir|toxworkdir|envdir|envname|envtmpdir|envsitepackagesdir)[:}]/, // tox substitutions
  /\.\*|\\[()1-9]/, // regular expression fragments
];

const BOOLEANS = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'enabled', 'disabled', 'y', 'n']);

export interface LiteralOptions {
  /** Words of the name the value is given to; a value equal to one is a placeholder. */
  nameWords?: readonly string[];
  /** Shortest value reported (default MIN_SECRET_LENGTH). */
  minLength?: number;
}

/** Why a value is not reported, or undefined when it looks like a committed secret. */
export function whyNotASecret(value: string, options: LiteralOptions = {}): string | undefined {
  const { nameWords = [], minLength = MIN_SECRET_LENGTH } = options;
  const v = value.trim();
  if (v.length === 0) return 'empty';
  if (NOT_LITERAL_SYNTAX.some((re) => re.test(v))) return 'reference';
  if (/\s/.test(v)) return 'prose';
  const lower = v.toLowerCase();
  if (BOOLEANS.has(lower)) return 'boolean';
  if (/^\d{1,9}$/.test(v)) return 'number';
  if (v.length < minLength) return 'too short';
  if (/^(?:\/|\.\.?\/|~\/)/.test(v)) return 'file path';
  if (/^[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\//.test(v)) return 'url';
  if (/^(?:vault|arn|op|sm|gcpsm|awssm|azkv|ref\+\w+|secret|secretref|keyvault):/i.test(v)) return 'secret-store reference';
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v)) return 'variable name';
  if (PLACEHOLDER_VALUES.has(lower)) return 'placeholder';
  if (/^(.)\1*$/.test(v)) return 'placeholder';
  if (MADE_UP_MARKERS.test(v)) return 'placeholder';
  if (nameWords.some((w) => w.includes(lower))) return 'placeholder';
  if (isSpelledWithPlaceholderWords(lower)) return 'placeholder';
  if (/^[a-z]{2,}(?:-[a-z]{2,}){2,}$/.test(v)) return 'name';
  return undefined;
}

/** Whether every separator-delimited part is a sequence of placeholder words and digit runs. */
function isSpelledWithPlaceholderWords(lower: string): boolean {
  return lower.split(/[-_.]+/).every((part) => part.length === 0 || segments(part));
}

function segments(part: string): boolean {
  // reachable[i]: part.slice(0, i) splits into placeholder words and digit runs.
  const reachable = new Array<boolean>(part.length + 1).fill(false);
  reachable[0] = true;
  for (let i = 0; i < part.length; i++) {
    if (!reachable[i]) continue;
    let d = i;
    while (d < part.length && part[d]! >= '0' && part[d]! <= '9') reachable[++d] = true;
    for (let n = 1; n <= LONGEST_PLACEHOLDER_WORD && i + n <= part.length; n++) {
      if (PLACEHOLDER_WORDS.has(part.slice(i, i + n))) reachable[i + n] = true;
    }
  }
  return reachable[part.length]!;
}

export function isLiteralSecret(value: string, options: LiteralOptions = {}): boolean {
  return whyNotASecret(value, options) === undefined;
}
