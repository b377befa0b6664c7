import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

describe('zypper-dist-upgrade', () => {
  test('dup and dist-upgrade after global options, not update or patch', async () => {
    const text = 'FROM opensuse/tumbleweed\nRUN zypper -n --gpg-auto-import-keys dup && zypper -n up && zypper -n patch\n';
    expect(await at('zypper-dist-upgrade', text)).toEqual(['zypper -n --gpg-auto-import-keys dup']);
  });
});
