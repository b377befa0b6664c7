import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'zypper-cache-not-cleaned';

describe(rule, () => {
  test('zypper cc and removing /var/cache/zypp count; refresh fills the cache', async () => {
    expect(await at(rule, 'FROM opensuse/leap:15.6\nRUN zypper -n in a=1 && zypper cc -a\nRUN zypper -n in b=1 && rm -rf /var/cache/zypp/*\n')).toEqual([]);
    expect(await at(rule, 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive refresh\n')).toEqual(['zypper --non-interactive refresh']);
  });
});
