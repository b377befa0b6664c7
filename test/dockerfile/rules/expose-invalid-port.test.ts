import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'expose-invalid-port';

describe(rule, () => {
  test('points at the bad part of each argument', async () => {
    const text = 'FROM a:1\nEXPOSE 80 65536 1-70000 90-80 abc 53/dns 8080/TCP 0\n';
    expect(await at(rule, text)).toEqual(['65536', '1-70000', '90-80', 'abc', 'dns']);
  });

  test('variables are resolved and reported at the variable', async () => {
    expect(await at(rule, 'FROM a:1\nENV PORT=99999\nEXPOSE ${PORT}/udp\n')).toEqual(['${PORT}']);
    expect(await at(rule, 'FROM a:1\nARG PORT\nEXPOSE ${PORT}/udp\n')).toEqual([]);
  });
});
