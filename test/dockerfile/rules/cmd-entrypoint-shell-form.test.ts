import { describe, expect, test } from 'vitest';
import { plainArgv } from '../../../src/lint/dockerfile/rules/cmd-entrypoint-shell-form.js';
import { at, fixed, hits } from './helpers.js';

const rule = 'cmd-entrypoint-shell-form';

describe(rule, () => {
  test('plain words become an argv; shell syntax does not', () => {
    expect(plainArgv(`python -m app --name="a b" 'c d'`)).toEqual(['python', '-m', 'app', '--name=a b', 'c d']);
    expect(plainArgv('exec nginx -g daemon\\ off;')).toBeUndefined();
    for (const shell of ['echo $HOME', 'a && b', 'ls *.txt', 'cd /app', 'A=1 app', 'app > log', 'app # note', '~/bin/app', 'echo "$X"', 'a;b']) {
      expect(plainArgv(shell), shell).toBeUndefined();
    }
    expect(plainArgv('exec app')).toEqual(['app']);
  });

  test('points at the command; the fix writes exec form', async () => {
    const text = 'FROM a:1\nCMD node server.js\n';
    expect(await at(rule, text)).toEqual(['node server.js']);
    expect(await fixed(rule, text)).toBe('FROM a:1\nCMD ["node", "server.js"]\n');
  });

  test('ENTRYPOINT is not fixed when a CMD follows in its stage or a stage built on it', async () => {
    const withCmd = 'FROM a:1 AS base\nENTRYPOINT app\nFROM base\nCMD ["--help"]\n';
    expect(await at(rule, withCmd)).toEqual(['app']);
    expect(await fixed(rule, withCmd)).toBe(withCmd);
  });

  test('CMD is not fixed below an ENTRYPOINT of this file', async () => {
    const text = 'FROM a:1\nENTRYPOINT ["/entrypoint.sh"]\nCMD serve\n';
    expect(await fixed(rule, text)).toBe(text);
  });

  test('a changed SHELL and exec form are not reported; multi-line commands are reported without a fix', async () => {
    expect(await at(rule, 'FROM a:1\nSHELL ["/bin/bash", "-c"]\nCMD app\nFROM a:1\nCMD ["app"]\n')).toEqual([]);
    const multi = 'FROM a:1\nCMD app \\\n  --flag\n';
    const [hit] = await hits(rule, multi);
    expect(hit!.fix).toBeUndefined();
  });

  test('malformed JSON with single quotes is fixed; other malformed JSON is only reported', async () => {
    expect(await fixed(rule, "FROM a:1\nENTRYPOINT ['/bin/app', '--x']\n")).toBe('FROM a:1\nENTRYPOINT ["/bin/app", "--x"]\n');
    const unterminated = 'FROM a:1\nCMD ["app", "x"\n';
    expect(await at(rule, unterminated)).toEqual(['["app", "x"']);
    expect(await fixed(rule, unterminated)).toBe(unterminated);
  });
});
