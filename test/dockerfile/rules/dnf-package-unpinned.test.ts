import { describe, expect, test } from 'vitest';
import { at, hits } from './helpers.js';

describe('dnf-package-unpinned', () => {
  test('the version is the last dash-separated part', async () => {
    const text = 'FROM fedora:40\nRUN dnf install -y java-17-openjdk python3-pip-23.3 nodejs-1:18.19.0 gcc-c++ && dnf clean all\n';
    const [hit] = await hits('dnf-package-unpinned', text);
    expect(hit!.at).toBe('java-17-openjdk');
    expect(hit!.message).toContain('java-17-openjdk and gcc-c++');
  });

  test('ARG values are used; option values are not packages', async () => {
    const text = 'FROM fedora:40\nARG HTTPD=httpd-2.4.62\nRUN microdnf install -y --enablerepo extras --setopt tsflags=nodocs $HTTPD && microdnf clean all\n';
    expect(await at('dnf-package-unpinned', text)).toEqual([]);
  });
});
