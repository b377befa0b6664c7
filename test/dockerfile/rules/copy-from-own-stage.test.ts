import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'copy-from-own-stage';

describe(rule, () => {
  test('by name (any case), by index, through a variable', async () => {
    expect(await at(rule, 'FROM golang:1.23 AS Build\nCOPY --from=build /a /b\n')).toEqual(['build']);
    expect(await at(rule, 'FROM golang:1.23\nCOPY --from=0 /a /b\n')).toEqual(['0']);
    expect(await at(rule, 'FROM golang:1.23 AS build\nARG ME=build\nCOPY --from=${ME} /a /b\n')).toEqual(['${ME}']);
  });

  test('an earlier stage or an image is fine', async () => {
    expect(await at(rule, 'FROM golang:1.23 AS build\nFROM alpine:3.20 AS app\nCOPY --from=build /a /b\nCOPY --from=app:1.0 /a /b\n')).toEqual([]);
  });

  test('a mount of the own stage', async () => {
    expect(await at(rule, 'FROM golang:1.23 AS build\nRUN --mount=from=build,target=/x true\n')).toEqual(['build']);
  });
});
