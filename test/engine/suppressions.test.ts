import { describe, expect, test } from 'vitest';
import { lintText } from '../../src/lint/index.js';
import { crashySupport, fakeRegistry } from './fake-kinds.js';
import { createRegistry } from '../../src/lint/engine/registry.js';
import type { KindSupport } from '../../src/lint/engine/kind.js';

const registry = fakeRegistry();
const run = (text: string, extra: Partial<Parameters<typeof lintText>[1]> = {}) => lintText(text, { kind: 'dockerfile', registry, ...extra });
const ids = async (text: string, extra: Partial<Parameters<typeof lintText>[1]> = {}) =>
  (await run(text, extra)).map((f) => `${f.line}:${f.column} ${f.ruleId}`);

describe('inline suppressions', () => {
  test('slipway-ignore covers the whole next statement, continuation lines included, and nothing after it', async () => {
    const text = '# slipway-ignore dockerfile/no-foo -- vendored\nfoo \\\n  foo\nfoo\n';
    expect(await ids(text)).toEqual(['4:1 dockerfile/no-foo']);
  });

  test('blank and comment lines between the comment and the statement are skipped', async () => {
    expect(await ids('# slipway-ignore DL9001\n\n# other comment\nfoo\nfoo\n')).toEqual(['5:1 dockerfile/no-foo']);
  });

  test('several rules by id, alias and glob; names separated by commas and spaces', async () => {
    expect(await ids('# slipway-ignore DL9001, dockerfile/todo\nfoo TODO\n')).toEqual([]);
    expect(await ids('# slipway-ignore dockerfile/*\nfoo TODO\n')).toEqual([]);
  });

  test('without statementRange (kind cannot tell statements) it covers the next code line only', async () => {
    expect(await lintText('# slipway-ignore makefile/no-foo\n\nfoo\n', { kind: 'makefile', registry })).toEqual([]);
  });

  test('slipway-ignore-file covers the whole file, wherever it is', async () => {
    expect(await ids('foo\nfoo TODO\n# slipway-ignore-file dockerfile/no-foo\n')).toEqual(['2:5 dockerfile/todo']);
  });

  test('hadolint ignore= covers the next statement; global ignore= the file; a trailing reason is allowed', async () => {
    expect(await ids('# hadolint ignore=DL9001,DL9002 # we know\nfoo TODO\nfoo\n')).toEqual(['3:1 dockerfile/no-foo']);
    expect(await ids('foo\n# hadolint global ignore=DL9001\nfoo\n')).toEqual([]);
  });

  test('hadolint stage ignore= covers from the next FROM to the one after', async () => {
    expect(await ids('# hadolint stage ignore=DL9001\nFROM a\nfoo\nFROM b\nfoo\n')).toEqual(['5:1 dockerfile/no-foo']);
  });

  test('hadolint codes slipway has no rule for are accepted silently; a malformed pragma does nothing', async () => {
    expect(await ids('# hadolint ignore=SC2086,DL9001\nfoo\n')).toEqual([]);
    expect(await ids('# hadolint ignore=DL9001,lower\nfoo\n')).toEqual(['2:1 dockerfile/no-foo']);
  });

  test('an unused suppression is reported (info) at the rule name', async () => {
    const findings = await run('# slipway-ignore dockerfile/todo -- old\nfoo\n');
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'unused-suppression',
        severity: 'info',
        line: 1,
        column: 18,
        endColumn: 33,
        message: 'unused slipway-ignore of "dockerfile/todo": no such finding on the next statement',
      }),
      expect.objectContaining({ ruleId: 'dockerfile/no-foo', line: 2 }),
    ]);
  });

  test('an unused hadolint pragma with a known code is reported; one for a rule that is off is not', async () => {
    expect(await ids('# hadolint ignore=DL9002\nfoo\n')).toEqual(['1:19 unused-suppression', '2:1 dockerfile/no-foo']);
    expect(await ids('# hadolint ignore=DL9002\nfoo\n', { rules: { 'dockerfile/todo': 'off' } })).toEqual(['2:1 dockerfile/no-foo']);
    expect(await ids('# hadolint ignore=DL9002\nfoo\n', { only: ['dockerfile/no-foo'] })).toEqual(['2:1 dockerfile/no-foo']);
  });

  test('unknown rule names and empty or unknown directives are invalid-suppression warnings', async () => {
    const findings = await run('# slipway-ignore dockerfile/no-fo\nfoo\n# slipway-ignore\n# slipway-ignore-line x\n');
    expect(findings.filter((f) => f.ruleId === 'invalid-suppression').map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual([
      '1:18 warning unknown rule "dockerfile/no-fo"; did you mean "dockerfile/no-foo"? in slipway-ignore',
      '3:3 warning slipway-ignore names no rule; write "# slipway-ignore RULE[,RULE] [-- reason]"',
      '4:3 warning unknown comment directive "slipway-ignore-line"; use slipway-ignore or slipway-ignore-file',
    ]);
  });

  test('the suppression findings can be configured like rules', async () => {
    expect(await ids('# slipway-ignore dockerfile/todo\nfoo\n', { rules: { 'unused-suppression': 'off' } })).toEqual(['2:1 dockerfile/no-foo']);
    expect((await run('# slipway-ignore dockerfile/todo\n', { rules: { 'unused-suppression': 'error' } }))[0]!.severity).toBe('error');
  });

  test('parse errors and internal errors cannot be suppressed', async () => {
    expect(await ids('# slipway-ignore-file dockerfile/*\nfoo CRASH\n')).toEqual(['1:1 internal-error']);
  });

  test('text that only mentions a directive is not one', async () => {
    expect(await ids('foo "# slipway-ignore DL9001"\n')).toEqual(['1:1 dockerfile/no-foo']);
  });

  test('in tox.ini a ; comment is a comment too; elsewhere it is not', async () => {
    const reg = fakeRegistry();
    const tox = createRegistry([...reg.supports.values(), { ...crashySupport, kind: 'tox' } as KindSupport]);
    expect(await lintText('; slipway-ignore makefile/no-foo\nfoo\n', { kind: 'tox', registry: tox })).toEqual([]);
    expect((await lintText('; slipway-ignore makefile/no-foo\nfoo\n', { kind: 'makefile', registry: reg })).map((f) => f.ruleId)).toEqual(['makefile/no-foo']);
  });
});
