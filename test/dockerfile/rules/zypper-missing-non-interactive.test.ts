import { describe, expect, test } from 'vitest';
import { at, fixed } from './helpers.js';

const rule = 'zypper-missing-non-interactive';

describe(rule, () => {
  test('-n counts before the subcommand only; -y and --no-confirm after it', async () => {
    expect(await at(rule, 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive in a && zypper rm -y b && zypper up --no-confirm\n')).toEqual([]);
    expect(await at(rule, 'FROM opensuse/leap:15.6\nRUN zypper install -n a\n')).toEqual(['zypper install']);
  });

  test('the fix puts -n right after zypper, before global options', async () => {
    expect(await fixed(rule, 'FROM opensuse/leap:15.6\nRUN zypper --gpg-auto-import-keys dup\n')).toBe('FROM opensuse/leap:15.6\nRUN zypper -n --gpg-auto-import-keys dup\n');
  });

  test('subcommands that do not ask are not reported', async () => {
    expect(await at(rule, 'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper clean -a && zypper se curl\n')).toEqual([]);
  });
});
