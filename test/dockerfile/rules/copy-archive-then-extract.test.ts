import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'copy-archive-then-extract';

describe(rule, () => {
  test('points at the copied archive, matched by base name, through the destination name too', async () => {
    const text = 'FROM a:1\nCOPY build/app.tar.gz /tmp/\nCOPY pkg.tgz /tmp/renamed.tar.gz\nRUN tar --extract -f /tmp/app.tar.gz && tar -xf renamed.tar.gz\n';
    expect(await at(rule, text)).toEqual(['build/app.tar.gz', 'pkg.tgz']);
  });

  test('listing, another stage, --from copies and other files do not count', async () => {
    const text = 'FROM a:1\nCOPY app.tar /tmp/\nRUN tar -tf /tmp/app.tar\nFROM b:1\nRUN tar -xf /tmp/app.tar\nCOPY --from=0 /tmp/app.tar /tmp/\nRUN tar -xf /tmp/app.tar\n';
    expect(await at(rule, text)).toEqual([]);
  });
});
