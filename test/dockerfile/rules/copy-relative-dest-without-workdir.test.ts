import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'copy-relative-dest-without-workdir';

describe(rule, () => {
  test('points at the destination; stops at the first WORKDIR, even one with an unknown value', async () => {
    const text = 'FROM a:1\nCOPY a .\nADD b ./b\nWORKDIR $GOPATH/src\nCOPY c .\n';
    expect(await at(rule, text)).toEqual(['.', './b']);
  });

  test('inherited through FROM <stage>; variables and absolute paths', async () => {
    const text = 'FROM a:1 AS base\nWORKDIR /app\nFROM base\nCOPY a .\nFROM b:1\nARG D=rel\nARG E\nCOPY a $D\nCOPY a $E\nCOPY a /abs\nCOPY a C:\\\\x\n';
    expect(await at(rule, text)).toEqual(['$D']);
  });

  test('ONBUILD COPY is not checked', async () => {
    expect(await at(rule, 'FROM a:1\nONBUILD COPY a .\n')).toEqual([]);
  });
});
