import { describe, expect, test } from 'vitest';
import { at, hits } from './helpers.js';

const rule = 'add-remote-without-checksum';

describe(rule, () => {
  test('URLs without --checksum, each source, ONBUILD included', async () => {
    const text = 'FROM debian:12\nADD https://x/a.tgz http://x/b.tgz /tmp/\nADD --checksum=sha256:00 https://x/c.tgz /tmp/\nONBUILD ADD https://x/d.tgz /tmp/\n';
    expect(await at(rule, text)).toEqual(['https://x/a.tgz', 'http://x/b.tgz', 'https://x/d.tgz']);
  });

  test('git sources: a moving ref, no ref, or a commit', async () => {
    const text = [
      'FROM debian:12',
      'ADD https://github.com/a/b.git#main /b',
      'ADD git@github.com:a/c.git /c',
      'ADD https://github.com/a/d.git?ref=v1.0&subdir=x /d',
      'ADD https://github.com/a/e.git#0123456789abcdef0123456789abcdef01234567:sub /e',
      'ADD https://github.com/a/f.git?commit=0123456789abcdef0123456789abcdef01234567 /f',
      'ADD --checksum=0123456789abcdef0123456789abcdef01234567 https://github.com/a/g.git#v2 /g',
      '',
    ].join('\n');
    const found = await hits(rule, text);
    expect(found.map((h) => h.at)).toEqual(['https://github.com/a/b.git#main', 'git@github.com:a/c.git', 'https://github.com/a/d.git?ref=v1.0&subdir=x']);
    expect(found[0]!.message).toContain('at `main`');
    expect(found[1]!.message).toContain('without a ref');
  });

  test('local sources and COPY are left alone', async () => {
    expect(await at(rule, 'FROM debian:12\nADD rootfs.tar.xz /\nCOPY https.txt /x\n')).toEqual([]);
  });
});
