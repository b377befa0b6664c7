import { describe, expect, test } from 'vitest';
import { at, hits } from './helpers.js';

const rule = 'copy-from-unknown-stage';

describe(rule, () => {
  test('points at the --from value; stage names are compared without case', async () => {
    const text = 'FROM golang:1.23 AS Build\nFROM alpine:3.20\nCOPY --from=build /a /a\nCOPY --from=biuld /a /a\n';
    expect(await at(rule, text)).toEqual(['biuld']);
  });

  test('indexes must name an earlier stage', async () => {
    const text = 'FROM golang:1.23\nCOPY --from=0 /a /a\nCOPY --from=1 /a /a\nFROM alpine:3.20\nCOPY --from=0 /a /a\n';
    const [own, later] = await hits(rule, text + 'COPY --from=5 /a /a\n');
    expect(own!.at).toBe('1');
    expect(own!.message).toContain('defined later');
    expect(later!.message).toContain('no stage 5');
  });

  test('variables: resolved when known, skipped when only known at build time', async () => {
    expect(await at(rule, 'FROM alpine:3.20\nARG SRC=buidl\nFROM golang:1.23 AS build\nFROM alpine:3.20\nARG SRC=biuld\nCOPY --from=$SRC /a /a\n')).toEqual(['$SRC']);
    expect(await at(rule, 'FROM golang:1.23 AS build\nFROM alpine:3.20\nARG SRC\nCOPY --from=$SRC /a /a\n')).toEqual([]);
  });

  test('image references: tagged ones pass, untagged repositories and official images are reported', async () => {
    const text = 'FROM alpine:3.20\nCOPY --from=nginx:1.27 /a /a\nCOPY --from=ghcr.io/x/y@sha256:abc /a /a\nCOPY --from=team/tool /a /a\nCOPY --from=busybox /bin/sh /bin/sh\n';
    expect(await at(rule, text)).toEqual(['team/tool', 'busybox']);
  });

  test('a bare name that is no stage nor known image is a named build context', async () => {
    expect(await at(rule, 'FROM alpine:3.20\nCOPY --from=binary_dir /a /a\nRUN --mount=from=deps,target=/deps true\n')).toEqual([]);
  });

  test('RUN --mount from= is checked, at the from value', async () => {
    const text = 'FROM golang:1.23 AS deps\nFROM alpine:3.20\nRUN --mount=type=bind,from=desp,target=/deps ls /deps\n';
    expect(await at(rule, text)).toEqual(['desp']);
  });

  test('the own stage is left to copy-from-own-stage', async () => {
    expect(await at(rule, 'FROM golang:1.23 AS build\nCOPY --from=build /a /b\n')).toEqual([]);
  });
});
