import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'expose-ssh-port';

describe(rule, () => {
  test('tcp 22 alone or in a range, also through a variable; not udp', async () => {
    const text = 'FROM a:1\nARG SSH=22\nEXPOSE 22/tcp 21-23 $SSH 22/udp 2222 222\n';
    expect(await at(rule, text)).toEqual(['22', '21-23', '$SSH']);
  });
});
