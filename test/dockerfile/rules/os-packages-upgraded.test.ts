import { describe, expect, test } from 'vitest';
import { at, hits } from './helpers.js';

const rule = 'os-packages-upgraded';
const run = (script: string, image = 'debian:bookworm-slim') => `FROM ${image}\nRUN ${script}\n`;

describe(rule, () => {
  test('every package manager, pointing at program and subcommand', async () => {
    expect(await at(rule, run('apt-get update && apt-get -y upgrade && apt full-upgrade -y'))).toEqual(['apt-get -y upgrade', 'apt full-upgrade']);
    expect(await at(rule, run('apk upgrade --no-cache', 'alpine:3.22'))).toEqual(['apk upgrade']);
    expect(await at(rule, run('dnf -y update && dnf clean all && yum --setopt=tsflags=nodocs -y upgrade && microdnf distro-sync', 'fedora:42'))).toEqual([
      'dnf -y update',
      'yum --setopt=tsflags=nodocs -y upgrade',
      'microdnf distro-sync',
    ]);
  });

  test('dist-upgrade says it may add or remove packages', async () => {
    const [hit] = await hits(rule, run('apt-get dist-upgrade -y'));
    expect(hit!.message).toMatch(/add or remove packages/);
  });

  test('named packages and zypper dist-upgrade (hadolint DL3035) are left alone', async () => {
    expect(await at(rule, run('apt-get upgrade -y openssl && apk upgrade libssl3 && dnf update -y curl && zypper dup -y'))).toEqual([]);
  });
});
