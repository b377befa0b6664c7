import { describe, expect, test } from 'vitest';
import { at, fixed } from './helpers.js';

const rule = 'expose-host-mapping';

describe(rule, () => {
  test('points at the host part; the fix keeps the container port and protocol', async () => {
    const text = 'FROM a:1\nEXPOSE 8080:80 0.0.0.0:53:53/udp 443\n';
    expect(await at(rule, text)).toEqual(['8080:', '0.0.0.0:53:']);
    expect(await fixed(rule, text)).toBe('FROM a:1\nEXPOSE 80 53/udp 443\n');
  });

  test('a mapping produced by a variable is reported without a fix', async () => {
    const text = 'FROM a:1\nARG MAP=8080:80\nEXPOSE $MAP\n';
    expect(await at(rule, text)).toEqual(['$MAP']);
    expect(await fixed(rule, text)).toBe(text);
  });
});
