import { describe, expect, test } from 'vitest';
import { at, fixed } from './helpers.js';

const rule = 'add-instead-of-copy';

describe(rule, () => {
  test('local files are reported at the keyword and fixed to COPY', async () => {
    const text = 'FROM a:1\nADD --chown=1:1 a.txt b/ /app/\nADD ["c d.txt", "/app/"]\n';
    expect(await at(rule, text)).toEqual(['ADD', 'ADD']);
    expect(await fixed(rule, text)).toBe('FROM a:1\nCOPY --chown=1:1 a.txt b/ /app/\nCOPY ["c d.txt", "/app/"]\n');
  });

  test('URLs, git sources, archives, variables and ADD-only flags are left alone', async () => {
    const text = [
      'FROM a:1',
      'ADD http://example.com/x.txt /x',
      'ADD git@github.com:moby/buildkit.git /src',
      'ADD rootfs.tar.xz /',
      'ADD ${SRC} /x',
      'ADD --keep-git-dir=true https://github.com/a/b.git /b',
      'ADD a.txt http://example.com/b.txt /dir/',
      '',
    ].join('\n');
    expect(await at(rule, text)).toEqual([]);
  });

  test('a here-document source is a local file', async () => {
    expect(await at(rule, 'FROM a:1\nADD <<EOF /etc/motd\nhello\nEOF\n')).toEqual(['ADD']);
  });
});
