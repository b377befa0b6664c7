import { describe, expect, test } from 'vitest';
import { at, fixed } from './helpers.js';

const rule = 'useradd-missing-no-log-init';

describe(rule, () => {
  test('-u, --uid N and --uid=N from six digits; points at the option and its value', async () => {
    const text = 'FROM debian:12\nRUN useradd -u 100000 a && useradd --uid 99999 b && useradd --uid=1234567 c\n';
    expect(await at(rule, text)).toEqual(['-u 100000', '--uid=1234567']);
    expect(await fixed(rule, text)).toBe('FROM debian:12\nRUN useradd -l -u 100000 a && useradd --uid 99999 b && useradd -l --uid=1234567 c\n');
  });

  test('variables are resolved when known; -l anywhere counts', async () => {
    expect(await at(rule, 'FROM debian:12\nARG UID=2000000\nRUN useradd -u $UID a && useradd --uid=${UID} b\n')).toEqual(['-u $UID', '--uid=${UID}']);
    expect(await at(rule, 'FROM debian:12\nARG UID\nRUN useradd -u $UID a && useradd -m -u 1234567 --no-log-init b\n')).toEqual([]);
  });
});
