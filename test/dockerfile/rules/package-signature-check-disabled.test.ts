import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'package-signature-check-disabled';
const run = (script: string, image = 'debian:bookworm-slim') => `FROM ${image}\nRUN ${script}\n`;

describe(rule, () => {
  test('apt options, -o settings and trusted sources', async () => {
    const text = run(
      "apt-get install -y --force-yes a && apt-get -o APT::Get::AllowUnauthenticated=true install -y b && apt-get update --allow-insecure-repositories && echo 'deb [arch=amd64 trusted=yes] http://r/ stable main' > /etc/apt/sources.list.d/r.list",
    );
    expect(await at(rule, text)).toEqual([
      '--force-yes',
      'APT::Get::AllowUnauthenticated=true',
      '--allow-insecure-repositories',
      "'deb [arch=amd64 trusted=yes] http://r/ stable main'",
    ]);
  });

  test('rpm-based tools', async () => {
    const text = run('dnf install -y --nogpgcheck tool && yum --setopt=gpgcheck=0 install -y x && rpm -ivh --nosignature https://x/a.rpm && zypper --no-gpg-checks in -y y', 'fedora:42');
    expect(await at(rule, text)).toEqual(['--nogpgcheck', '--setopt=gpgcheck=0', '--nosignature', '--no-gpg-checks']);
  });

  test('gpgcheck=0 written to a repository file, GOSUMDB=off', async () => {
    const text = run("printf '[r]\\nbaseurl=https://r\\ngpgcheck=0\\n' > /etc/yum.repos.d/r.repo && GOSUMDB=off go mod download", 'fedora:42');
    expect(await at(rule, text)).toEqual(["'[r]\\nbaseurl=https://r\\ngpgcheck=0\\n'", 'GOSUMDB=off']);
  });

  test('local package files built by an earlier stage are not a repository', async () => {
    expect(await at(rule, run('apk add --no-cache --allow-untrusted /tmp/packages/*.apk', 'alpine:3.22'))).toEqual([]);
    expect(await at(rule, run('apk add --allow-untrusted "/tmp/packages/nginx-module-${MODULE}-${NGINX_VERSION}.apk"', 'alpine:3.22'))).toEqual([]);
    expect(await at(rule, run('apk add --allow-untrusted tool.apk', 'alpine:3.22'))).toEqual([]);
    expect(await at(rule, run('dnf install -y --nogpgcheck https://example.com/tool.rpm', 'fedora:42')), 'downloaded').toEqual(['--nogpgcheck']);
    expect(await at(rule, run('dnf install -y --nogpgcheck ./dist/tool-1.0.rpm', 'fedora:42'))).toEqual([]);
    expect(await at(rule, run('apk add --allow-untrusted /tmp/a.apk curl', 'alpine:3.22'))).toEqual(['--allow-untrusted']);
  });

  test('repo_gpgcheck=0 and gpgcheck=1 are not turning the check off', async () => {
    expect(await at(rule, run("echo 'gpgcheck=1' >> /etc/dnf/dnf.conf && echo 'repo_gpgcheck=0' >> /etc/dnf/dnf.conf", 'fedora:42'))).toEqual([]);
  });
});
