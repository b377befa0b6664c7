import { describe, expect, test } from 'vitest';
import { at, fixed } from './helpers.js';

const rule = 'stage-name-casing';

describe(rule, () => {
  test('reports the alias; the fix renames the references written with the same letters', async () => {
    const text = 'FROM golang:1.23 AS Build\nFROM Build AS test\nFROM alpine:3.20\nCOPY --from=BUILD /a /a\nRUN --mount=from=Build,target=/x true\n';
    expect(await at(rule, text)).toEqual(['Build']);
    expect(await fixed(rule, text)).toBe(
      'FROM golang:1.23 AS build\nFROM build AS test\nFROM alpine:3.20\nCOPY --from=build /a /a\nRUN --mount=from=Build,target=/x true\n',
    );
  });

  test('lower-case names with digits, dashes and underscores pass', async () => {
    expect(await at(rule, 'FROM golang:1.23 AS build-2_x.y\n')).toEqual([]);
  });
});
