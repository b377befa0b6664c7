import { describe, expect, test } from 'vitest';
import { messages } from '../helpers.js';

const run = (code: string) => messages(code, ['ca-bundle-overwritten']);
const job = (...lines: string[]) => `test:\n  image: debian:12\n  script:\n${lines.map((l) => `    ${l}`).join('\n')}\n`;
const heads = (code: string) => run(code).map((m) => m.split(' ').slice(0, 2).join(' '));

describe('gitlab-ci/ca-bundle-overwritten', () => {
  test('cp, mv, install, ln -sf, a redirect, tee, curl -o, wget -O, a pipeline redirect', () => {
    const code = job(
      '- cp -f ca.crt /etc/ssl/certs/ca-certificates.crt',
      '- mv ca.pem /etc/pki/tls/certs/ca-bundle.crt',
      '- install -m 644 ca.pem /etc/ssl/cert.pem',
      '- ln -sf /certs/ca.pem /etc/ssl/ca-bundle.pem',
      '- cat "$CA" > "/etc/ssl/certs/ca-certificates.crt"',
      '- echo "$CA" | tee /etc/ssl/certs/ca-certificates.crt',
      '- curl -fsSL https://ca.example.com/ca.pem -o /etc/ssl/certs/ca-certificates.crt',
      '- wget -O /etc/ssl/cert.pem https://ca.example.com/ca.pem',
      '- cat a.pem b.pem | grep -v "^#" > /etc/ssl/certs/ca-certificates.crt',
    );
    expect(heads(code)).toEqual([
      '4:20 `cp`',
      '5:17 `mv`',
      '6:29 `install`',
      '7:28 `ln`',
      '8:19 `cat`',
      '9:24 `tee`',
      '10:51 `curl`',
      '11:15 `wget`',
      '12:40 `grep`',
    ]);
    expect(run(code)[0]).toBe(
      '4:20 `cp` replaces the system CA bundle `/etc/ssl/certs/ca-certificates.crt`: the job then trusts this CA only, and TLS to every other host fails; add the certificate with `update-ca-certificates` (copy it to /usr/local/share/ca-certificates/) or point the one tool at it (`SSL_CERT_FILE`, `REQUESTS_CA_BUNDLE`, `GIT_SSL_CAINFO`)',
    );
  });

  test('appending, copying out of the bundle, the anchors directory and ln without -f are fine', () => {
    const code = job(
      '- cat ca.crt >> /etc/ssl/certs/ca-certificates.crt',
      '- tee -a /etc/ssl/certs/ca-certificates.crt < ca.crt',
      '- cp /etc/ssl/certs/ca-certificates.crt bundle.pem',
      '- cp ca.crt /usr/local/share/ca-certificates/ && update-ca-certificates',
      '- cp ca.crt /etc/ssl/certs/',
      '- ln -s ca.pem /etc/ssl/cert.pem',
    );
    expect(run(code)).toEqual([]);
  });
});
