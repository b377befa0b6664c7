import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'from-platform-constant';

describe(rule, () => {
  test('points at the value; any variable makes it acceptable', async () => {
    const text = 'FROM --platform=linux/amd64 a:1\nFROM --platform=$BUILDPLATFORM b:1\nFROM --platform=linux/${TARGETARCH} c:1\n';
    expect(await at(rule, text)).toEqual(['linux/amd64']);
  });
});
