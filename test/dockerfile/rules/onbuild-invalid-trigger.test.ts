import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'onbuild-invalid-trigger';

describe(rule, () => {
  test('points at the wrapped keyword; other triggers pass', async () => {
    const text = 'FROM alpine:3.20\nONBUILD onbuild RUN true\nONBUILD FROM x:1\nONBUILD MAINTAINER me\nONBUILD RUN true\nONBUILD COPY . /src\n';
    expect(await at(rule, text)).toEqual(['onbuild', 'FROM', 'MAINTAINER']);
  });
});
