import { describe, expect, test } from 'vitest';
import { worldWritableMode } from '../../../src/lint/shell/checks/chmod-world-writable.js';
import { at } from './helpers.js';

const rule = 'chmod-world-writable';
const run = (script: string) => `FROM debian:bookworm-slim\nRUN ${script}\n`;

describe(rule, () => {
  test.each([
    ['777', true], ['0777', true], ['666', true], ['2', true], ['0757', true],
    ['755', false], ['775', false], ['1777', false], ['3777', false], ['0644', false],
    ['a+rwx', true], ['o+w', true], ['ugo=rwx', true], ['u+rwx,o+w', true], ['a+rw-x', true],
    ['+w', false], ['u+w', false], ['g+w', false], ['o-w', false], ['a+rwxt', false], ['o+w,+t', false], ['x+y', false],
  ])('mode %s world-writable: %s', (mode, expected) => {
    expect(worldWritableMode(mode)).toBe(expected);
  });

  test('chmod, mkdir -m, install -m and umask', async () => {
    const text = run('chmod -R 777 /app && chmod -v a+w /data && mkdir -p -m 0777 /c && install -d --mode=666 /d && umask 000 && umask 022');
    expect(await at(rule, text)).toEqual(['777', 'a+w', '-m 0777', '--mode=666', '000']);
  });

  test('--reference and dynamic modes are not judged', async () => {
    expect(await at(rule, run('chmod --reference=/etc/passwd /x && chmod "$MODE" /y'))).toEqual([]);
  });
});
