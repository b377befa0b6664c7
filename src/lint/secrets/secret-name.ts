/**
 * Does a variable, key or option name say that its value is a secret?
 *
 * Starts from BuildKit's SecretsUsedInArgOrEnv heuristic (a name word among apikey, auth,
 * credential(s), key, password, pword, passwd, secret, token) and narrows it, because
 * slipway reads every file kind and reports values, not names:
 *
 * - words are split on `_`, `-`, `.` and camelCase, so `dbPassword`, `DB-PASSWORD` and
 *   `secret.password` all count; a word that ends in a secret word (`DBPASSWORD`,
 *   `AUTHTOKEN`, `CLIENTSECRET`) counts too;
 * - `key` alone is not enough: `GPG_KEY`, `CACHE_KEY`, `SORT_KEY` are public. It counts
 *   after a qualifier that makes it a credential (`API_KEY`, `ACCESS_KEY`, `SECRET_KEY`,
 *   `PRIVATE_KEY`, `SIGNING_KEY`, …);
 * - `auth` and `pass` count only as the last word (`NPM_AUTH`, `SMTP_PASS`), not in
 *   `AUTH_METHOD` or `PASS_THROUGH`;
 * - the last word of an English compound names the thing, so a word AFTER the last secret
 *   word that makes the value a reference to the secret or data about it means the name
 *   is not secret-named: `TOKEN_FILE`, `PASSWORD_PATH`, `API_KEY_NAME`, `AWS_ACCESS_KEY_ID`,
 *   `TOKEN_URL`, `TOKEN_TTL`, `PASSWORD_LENGTH`, `PASSWORD_HASH`; the same word BEFORE it
 *   does not (`DB_USER_PASSWORD`, `GPG_KEY_PASSPHRASE` and `FILE_SERVER_TOKEN` are secrets);
 * - a few words rule a name out wherever they stand: `PUBLIC_KEY`, `DUMMY_PASSWORD`,
 *   `HASHED_PASSWORD`, `EXAMPLE_TOKEN`.
 *
 * BuildKit allows only `public`; hadolint's DL3064 allows nothing and flags `username` too.
 */

const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'passwrd',
  'pword',
  'pwd',
  'passphrase',
  'secret',
  'secrets',
  'token',
  'apikey',
  'credential',
  'credentials',
  'creds',
  'privatekey',
  'secretkey',
  'accesskey',
]);

/** Secret words that also end longer words (`DBPASSWORD`, `AUTHTOKEN`, `CLIENTSECRET`). */
const SECRET_SUFFIXES = ['password', 'passwd', 'secret', 'token', 'apikey', 'privatekey', 'secretkey', 'accesskey'];

/** Secret only as the last word of a name. */
const LAST_WORD_ONLY = new Set(['auth', 'pass']);

/** Words before `key` that make it a credential. */
const KEY_QUALIFIERS = new Set([
  'api',
  'access',
  'secret',
  'private',
  'signing',
  'sign',
  'encryption',
  'encrypt',
  'crypt',
  'master',
  'client',
  'app',
  'application',
  'account',
  'license',
  'licence',
  'service',
  'session',
  'shared',
  'storage',
  'auth',
  'hmac',
  'jwt',
  'aes',
  'cipher',
  'deploy',
  'admin',
  'root',
  'subscription',
]);

/** Words that rule a name out wherever they stand. */
const NEVER_SECRET = new Set(['public', 'pub', 'hashed', 'dummy', 'fake', 'example', 'sample', 'placeholder']);

/** Words after the last secret word that make the value a reference to a secret, or data about it. */
const NOT_THE_SECRET = new Set([
  'file',
  'files',
  'filename',
  'path',
  'dir',
  'directory',
  'folder',
  'name',
  'names',
  'user',
  'username',
  'login',
  'url',
  'uri',
  'endpoint',
  'host',
  'hostname',
  'server',
  'port',
  'id',
  'ids',
  'version',
  'type',
  'kind',
  'mode',
  'method',
  'enabled',
  'enable',
  'disabled',
  'disable',
  'required',
  'length',
  'size',
  'count',
  'min',
  'max',
  'ttl',
  'timeout',
  'expiry',
  'expires',
  'expiration',
  'lifetime',
  'rotation',
  'detection',
  'scan',
  'scanner',
  'scanning',
  'header',
  'scheme',
  'prefix',
  'suffix',
  'format',
  'location',
  'env',
  'var',
  'variable',
  'field',
  'policy',
  'provider',
  'helper',
  'command',
  'cmd',
  'script',
  'hash',
  'hashed',
  'digest',
  'fingerprint',
  'checksum',
  'sha',
  'sha1',
  'sha256',
  'md5',
  'gpg',
  'pgp',
  'keyserver',
  'keyring',
  'ref',
  'source',
  'manager',
  'backend',
  'plugin',
  'regex',
  'pattern',
  'template',
  'label',
  'description',
  'mount',
  'volume',
  'store',
  'keystore',
  'truststore',
  'algorithm',
  'algo',
  'strategy',
  'secretname',
]);

/** The lower-case words of a name: `dbPassword` → [db, password]; `SECRET.key-ID` → [secret, key, id]. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

/** Names repeat across lines and files (`POSTGRES_PASSWORD`, `image`): judge each once. */
const verdicts = new Map<string, boolean>();
const MAX_CACHED = 10_000;

export function isSecretName(name: string): boolean {
  const known = verdicts.get(name);
  if (known !== undefined) return known;
  const verdict = judgeName(name);
  if (verdicts.size >= MAX_CACHED) verdicts.clear();
  verdicts.set(name, verdict);
  return verdict;
}

function judgeName(name: string): boolean {
  if (name.length === 0 || name.length > 128) return false;
  const words = nameWords(name);
  if (words.some((w) => NEVER_SECRET.has(w))) return false;
  let lastSecret = -1;
  words.forEach((word, i) => {
    if (isSecretWord(words, i)) lastSecret = i;
  });
  if (lastSecret < 0) return false;
  return !words.slice(lastSecret + 1).some((w) => NOT_THE_SECRET.has(w));
}

function isSecretWord(words: readonly string[], i: number): boolean {
  const word = words[i]!;
  if (SECRET_WORDS.has(word)) return true;
  if (SECRET_SUFFIXES.some((s) => word.length > s.length && word.endsWith(s))) return true;
  if (LAST_WORD_ONLY.has(word)) return i === words.length - 1;
  if (word === 'key' || word === 'keys') return i > 0 && KEY_QUALIFIERS.has(words[i - 1]!);
  return false;
}
