import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'apk-package-unpinned';

describe(rule, () => {
  test('!pkg, --virtual and --repository values are not packages', async () => {
    const text = "FROM alpine:3.20\nRUN apk add --no-cache -t .deps -X https://repo gcc~13 '!pyc'\n";
    expect(await at(rule, text)).toEqual([]);
  });

  test('fuzzy and exact pins pass; unknown variables are not guessed', async () => {
    expect(await at(rule, 'FROM alpine:3.20\nARG DEPS\nRUN apk add --no-cache a~1 b=2-r0 "c>3" ./d.apk $DEPS\n')).toEqual([]);
    expect(await at(rule, 'FROM alpine:3.20\nRUN apk add --no-cache curl\n')).toEqual(['curl']);
  });
});
