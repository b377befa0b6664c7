import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'workdir-system-directory';

describe(rule, () => {
  test('resolved directories under the system trees; look-alikes pass', async () => {
    const text = 'FROM a:1\nARG D=/sys/fs\nWORKDIR $D\nWORKDIR /proc\nWORKDIR /procedures\nWORKDIR /app/../boot/x\nWORKDIR /\n';
    expect(await at(rule, text)).toEqual(['$D', '/proc', '/app/../boot/x']);
  });
});
