import { describe, expect, test } from 'vitest';
import { at, hits } from './helpers.js';

const rule = 'dnf-cache-not-cleaned';

describe(rule, () => {
  test('each tool is told its own clean-up and cache', async () => {
    const [hit] = await hits(rule, 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y a-1\n');
    expect(hit!.message).toContain('`microdnf clean all`');
    expect(hit!.message).toContain('/var/cache/yum');
  });

  test('group install points at both words; a cache mount on /var/cache/libdnf5 counts for dnf5', async () => {
    expect(await at(rule, 'FROM fedora:40\nRUN dnf group install -y "C Development Tools"\n')).toEqual(['dnf group install']);
    expect(await at(rule, 'FROM fedora:41\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf5 install -y a-1\n')).toEqual([]);
  });
});
