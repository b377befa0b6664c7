import { describe, expect, test } from 'vitest';
import { at, fixed } from './helpers.js';

const rule = 'dnf-missing-yes';

describe(rule, () => {
  test('dnf, dnf5, microdnf and tdnf; yum is its own rule', async () => {
    const text = 'FROM fedora:40\nRUN dnf install a && dnf5 upgrade && microdnf remove b && tdnf install c && yum install d\n';
    expect(await at(rule, text)).toEqual(['dnf install', 'dnf5 upgrade', 'microdnf remove', 'tdnf install']);
    expect(await fixed(rule, 'FROM fedora:40\nRUN dnf module enable nodejs:20\n')).toBe('FROM fedora:40\nRUN dnf module enable -y nodejs:20\n');
  });

  test('assumeyes in dnf.conf, written by this RUN', async () => {
    expect(await at(rule, "FROM fedora:40\nRUN printf '[main]\\nassumeyes=True\\n' > /etc/dnf/dnf.conf && dnf install a\n")).toEqual([]);
  });
});
