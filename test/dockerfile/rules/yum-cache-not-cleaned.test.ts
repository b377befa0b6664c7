import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'yum-cache-not-cleaned';

describe(rule, () => {
  test('the clean-up must follow the last install and clean the metadata', async () => {
    expect(await at(rule, 'FROM centos:7\nRUN yum install -y a-1 && yum clean all && yum install -y b-1\n')).toEqual(['yum install']);
    expect(await at(rule, 'FROM centos:7\nRUN yum install -y a-1 && yum clean packages\n')).toEqual(['yum install']);
    expect(await at(rule, 'FROM centos:7\nRUN yum install -y a-1 && yum clean metadata packages\n')).toEqual([]);
  });

  test('dnf clean all and removing the cache count (yum is dnf on RHEL 8+)', async () => {
    expect(await at(rule, 'FROM rockylinux:8\nRUN yum install -y a-1 && dnf clean all\nRUN yum install -y b-1 && rm -rf /var/cache/yum/*\n')).toEqual([]);
  });

  test('updates and makecache fill the cache too; a later RUN cannot clean it', async () => {
    expect(await at(rule, 'FROM centos:7\nRUN yum makecache\nRUN yum clean all\n')).toEqual(['yum makecache']);
  });
});
