import { describe, expect, test } from 'vitest';
import { at, fixed } from './helpers.js';

const rule = 'copy-dest-not-directory';

describe(rule, () => {
  test('COPY and ADD with several sources, here-documents counted; the fix appends a slash', async () => {
    const text = 'FROM a:1\nCOPY a b /app\nADD x y /opt\nCOPY <<A <<B /etc\na\nA\nb\nB\nCOPY a /app\nCOPY a b /app/\n';
    expect(await at(rule, text)).toEqual(['/app', '/opt', '/etc']);
    expect(await fixed(rule, text)).toBe(text.replace('a b /app\n', 'a b /app/\n').replace('/opt', '/opt/').replace('/etc', '/etc/'));
  });

  test('a destination from a variable is resolved; a trailing slash in the value is enough', async () => {
    expect(await at(rule, 'FROM a:1\nARG D=/app/\nCOPY a b $D\n')).toEqual([]);
    const text = 'FROM a:1\nARG D=/app\nCOPY a b $D\n';
    expect(await at(rule, text)).toEqual(['$D']);
    expect(await fixed(rule, text)).toBe(text);
  });
});
