import { describe, expect, test } from 'vitest';
import { at, fixed, hits } from './helpers.js';

const rule = 'apk-add-missing-no-cache';

describe(rule, () => {
  test('each apk add gets its own finding and fix', async () => {
    const text = 'FROM alpine:3.20\nRUN apk add a~1 && apk --quiet add b~2\n';
    expect(await at(rule, text)).toEqual(['apk add', 'apk --quiet add']);
    expect(await fixed(rule, text)).toBe('FROM alpine:3.20\nRUN apk add --no-cache a~1 && apk --quiet add --no-cache b~2\n');
  });

  test('--no-cache anywhere, --no-network, mounts on either cache path and a later rm count', async () => {
    const text =
      'FROM alpine:3.20\nRUN apk --no-cache add a\nRUN apk add --no-network b\nRUN --mount=type=cache,target=/etc/apk/cache apk add c\n' +
      'RUN apk add d && rm -rf /var/cache/apk/*\n';
    expect(await at(rule, text)).toEqual([]);
    expect(await at(rule, 'FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && apk add d\n')).toEqual(['apk add']);
  });

  test('builder stages are skipped; ONBUILD RUNs and stages the final one builds on are not', async () => {
    expect(await at(rule, 'FROM alpine:3.20 AS build\nRUN apk add gcc\nFROM alpine:3.20\nRUN echo\n')).toEqual([]);
    expect(await at(rule, 'FROM alpine:3.20 AS base\nRUN apk add a\nFROM base\nONBUILD RUN apk add b\n')).toEqual(['apk add', 'apk add']);
  });

  test('exec form: a fix inside an sh -c string, none between strings', async () => {
    expect(await fixed(rule, 'FROM alpine:3.20\nRUN ["sh", "-c", "apk add a"]\n')).toBe('FROM alpine:3.20\nRUN ["sh", "-c", "apk add --no-cache a"]\n');
    const [hit] = await hits(rule, 'FROM alpine:3.20\nRUN ["apk", "add", "a"]\n');
    expect(hit!.fix).toBeUndefined();
  });
});
