import { describe, expect, test } from 'vitest';
import { at, fixed } from './helpers.js';

const rule = 'from-platform-redundant';

describe(rule, () => {
  test('only $TARGETPLATFORM itself; the fix removes the flag and its spacing', async () => {
    const text = 'FROM --platform=$TARGETPLATFORM alpine:3.20 AS a\nFROM --platform=$BUILDPLATFORM alpine:3.20 AS b\nFROM --platform=${TARGETOS}/amd64 alpine:3.20\n';
    expect(await at(rule, text)).toEqual(['--platform=$TARGETPLATFORM']);
    expect(await fixed(rule, text)).toBe(text.replace('--platform=$TARGETPLATFORM ', ''));
  });
});
