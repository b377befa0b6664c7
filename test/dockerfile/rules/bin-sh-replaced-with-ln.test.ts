import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'bin-sh-replaced-with-ln';

describe(rule, () => {
  test('only an ln that replaces /bin/sh: with -f/-b, or after /bin/sh was removed', async () => {
    expect(await at(rule, 'FROM debian:12\nRUN ln -sfv /bin/bash /bin/sh && ln -sb bash /usr/bin/sh\n')).toEqual(['/bin/sh', '/usr/bin/sh']);
    expect(await at(rule, 'FROM debian:12\nRUN rm /bin/sh\nRUN ln -s /bin/bash /bin/sh\n')).toEqual(['/bin/sh']);
  });

  test('linking to /bin/sh, or creating a missing /bin/sh, is fine', async () => {
    expect(await at(rule, 'FROM debian:12\nRUN ln -sf /bin/sh /usr/local/bin/sh && ln -s /busybox/sh /bin/sh\n')).toEqual([]);
  });
});
