import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

describe('yum-package-unpinned', () => {
  test('groups are not packages; modules need a stream; .rpm files pin', async () => {
    expect(await at('yum-package-unpinned', 'FROM centos:7\nRUN yum install -y @core ./a-1.rpm && yum module install -y nodejs:20 && yum clean all\n')).toEqual([]);
    expect(await at('yum-package-unpinned', 'FROM centos:7\nRUN yum module install -y nodejs && yum clean all\n')).toEqual(['nodejs']);
  });
});
