import { describe, expect, test } from 'vitest';
import { at, fixed, hits } from './helpers.js';

const rule = 'yum-missing-yes';

describe(rule, () => {
  test('points at the command and its action; the fix goes after the action', async () => {
    const text = 'FROM centos:7\nRUN yum -q group install "Development Tools"\n';
    expect(await at(rule, text)).toEqual(['yum -q group install']);
    expect(await fixed(rule, text)).toBe('FROM centos:7\nRUN yum -q group install -y "Development Tools"\n');
  });

  test('answers: -y in a cluster, --assumeno, --setopt, yes |, assumeyes=1 written by an earlier RUN', async () => {
    expect(await at(rule, 'FROM centos:7\nRUN yum -qy install a && yum --assumeno remove b && yum --setopt=assumeyes=1 update\n')).toEqual([]);
    expect(await at(rule, 'FROM centos:7\nRUN yes | yum install a\n')).toEqual([]);
    expect(await at(rule, "FROM centos:7 AS base\nRUN echo 'assumeyes=1' >> /etc/yum.conf\nFROM base\nRUN yum install a\n")).toEqual([]);
  });

  test('actions that do not ask are not reported; the value of -e is not an action', async () => {
    expect(await at(rule, 'FROM centos:7\nRUN yum clean all && yum makecache && yum -e 0 list installed && yum info a\n')).toEqual([]);
  });

  test('no fix between the strings of an exec-form RUN', async () => {
    const [hit] = await hits(rule, 'FROM centos:7\nRUN ["yum", "install", "a"]\n');
    expect(hit!.fix).toBeUndefined();
  });
});
