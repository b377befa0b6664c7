import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'copy-from-root-to-root';

describe(rule, () => {
  test('from stages and images onto a real base; points at sources and destination', async () => {
    const text = 'FROM golang:1.23 AS build\nFROM debian:12\nCOPY --from=build / /\nCOPY --from=build // /.\nCOPY --from=build /app /\nCOPY --from=build / /app\n';
    expect(await at(rule, text)).toEqual(['/ /', '// /.']);
  });

  test('scratch-based sources, the xx helper and copies into scratch are not reported', async () => {
    const text =
      'FROM tonistiigi/xx:1.5 AS xx\nFROM scratch AS out\nFROM debian:12 AS a\nCOPY --from=xx / /\nCOPY --from=out / /\nCOPY --from=tonistiigi/xx / /\nFROM scratch\nCOPY --from=a / /\n';
    expect(await at(rule, text)).toEqual([]);
  });
});
