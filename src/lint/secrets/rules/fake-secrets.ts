/**
 * Made-up secrets for the rules' examples. Each is assembled from pieces so that this
 * repository's source never holds a string that a secret scanner would flag; none was ever
 * issued by anybody.
 */
export const FAKE_GITLAB_PAT = 'glpat-' + 'Sl1pway' + 'D0csOnly' + 'Zq7wK';
export const FAKE_RUNNER_REGISTRATION_TOKEN = 'GR1348941' + 'sL1pWayD0cs' + 'oNLyq7wKz';
export const FAKE_PASSWORD = 'hunter2' + 'Lx9q' + 'Vb';
export const FAKE_API_KEY = 'a9F3k' + 'Q7mZ2p' + 'X8vR4t';

const KEY_BODY_LINE = 'MIIEow' + 'IBAAKCAQEAsl1pwayD0csOnlyN0tAR3alKeyAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** A PEM block whose body has the size of a real key's first lines (it decodes to nothing usable). */
export function fakePrivateKey(label: string, lineBreak = '\n'): string {
  return ['-----BEGIN ' + label + '-----', KEY_BODY_LINE, KEY_BODY_LINE, '-----END ' + label + '-----'].join(lineBreak);
}
