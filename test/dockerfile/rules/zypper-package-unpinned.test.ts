import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

describe('zypper-package-unpinned', () => {
  test('patterns and repository names are not packages', async () => {
    expect(await at('zypper-package-unpinned', 'FROM opensuse/leap:15.6\nRUN zypper -n in -t pattern devel_basis && zypper -n in --from oss -r x "a>=1" b=2\n')).toEqual([]);
    expect(await at('zypper-package-unpinned', 'FROM opensuse/leap:15.6\nRUN zypper -n in -t package curl\n')).toEqual(['curl']);
  });
});
