import { describe, expect, test } from 'vitest';
import { lintText } from '../../src/lint/index.js';
import { fakeRegistry } from './fake-kinds.js';

const registry = fakeRegistry();
const run = (text: string, extra: Partial<Parameters<typeof lintText>[1]> = {}) => lintText(text, { kind: 'dockerfile', registry, ...extra });

describe('engine: rules to findings', () => {
  test('a span becomes 1-based line/column with an exclusive end, with the rule severity, aliases and fix', async () => {
    const findings = await run('ok\nx foo\n');
    expect(findings).toEqual([
      {
        file: 'Dockerfile',
        line: 2,
        column: 3,
        endLine: 2,
        endColumn: 6,
        ruleId: 'dockerfile/no-foo',
        severity: 'warning',
        message: 'no foo here',
        aliases: ['DL9001'],
        fix: [{ range: [5, 8], text: 'bar' }],
      },
    ]);
  });

  test('findings are sorted by file, line, column and rule id', async () => {
    const findings = await run('TODO foo\nfoo TODO\n');
    expect(findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      '1:1 dockerfile/todo',
      '1:6 dockerfile/no-foo',
      '2:1 dockerfile/no-foo',
      '2:5 dockerfile/todo',
    ]);
  });

  test('a parse problem is a parse-error finding at its position and no rule runs', async () => {
    const findings = await run('foo\nSYNTAX ERROR here\n');
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'parse-error', severity: 'error', line: 2, column: 1, message: 'unexpected SYNTAX' }),
    ]);
  });

  test('a crashing rule is an internal-error naming the rule; the other rules still report', async () => {
    const findings = await run('foo CRASH\n');
    expect(findings.map((f) => f.ruleId)).toEqual(['dockerfile/no-foo', 'internal-error']);
    const crash = findings[1]!;
    expect(crash.message).toBe('rule dockerfile/fragile crashed: cannot read properties of undefined; this is a bug in slipway, please report it');
    expect(crash.message).not.toMatch(/\n\s+at /);
  });

  test('a crashing parser is an internal-error, not a thrown error', async () => {
    const findings = await lintText('PANIC\n', { kind: 'makefile', registry });
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'internal-error', message: expect.stringContaining('the makefile parser crashed: parser exploded') })]);
  });

  test('a report outside the file is an internal-error naming the rule, not a finding at line 999', async () => {
    const findings = await run('BADPOS\n');
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'internal-error', line: 1, message: 'rule dockerfile/fragile reported a finding outside the file: line 999 is not in the file (1–2)' }),
    ]);
  });

  test('only: runs just the named rules', async () => {
    const findings = await run('foo TODO\n', { only: ['dockerfile/todo'] });
    expect(findings.map((f) => f.ruleId)).toEqual(['dockerfile/todo']);
  });

  test('rule settings by id, alias and glob; later entries win; off removes', async () => {
    expect((await run('foo TODO\n', { rules: { DL9001: 'error' } })).map((f) => f.severity)).toEqual(['error', 'info']);
    expect((await run('foo TODO\n', { rules: { 'dockerfile/*': 'off', 'dockerfile/todo': 'style' } })).map((f) => `${f.ruleId}=${f.severity}`)).toEqual([
      'dockerfile/todo=style',
    ]);
  });

  test('unknown rule names in settings are configuration errors with a suggestion', async () => {
    await expect(run('foo\n', { rules: { 'dockerfile/no-fo': 'off' } })).rejects.toThrow('unknown rule "dockerfile/no-fo"; did you mean "dockerfile/no-foo"?');
    await expect(run('foo\n', { rules: { 'no-foo': 'off' } })).rejects.toThrow('unknown rule "no-foo"; did you mean "dockerfile/no-foo" or "makefile/no-foo"?');
    await expect(run('foo\n', { rules: { 'parse-error': 'off' } })).rejects.toThrow('cannot be configured');
  });

  test('configuration-driven rules receive their options', async () => {
    expect(await run('REG=evil.io\n')).toEqual([]);
    const findings = await run('REG=evil.io\nREG=good.io\n', { options: { trustedRegistries: ['good.io'] } });
    expect(findings.map((f) => `${f.line} ${f.message}`)).toEqual(['1 registry evil.io is not trusted']);
  });

  test('any rules run on every kind and their secrets never reach the message unmasked', async () => {
    const reg = fakeRegistry({ any: true });
    const findings = await lintText('password tok_abcdefghijklmnop\n', { kind: 'makefile', registry: reg });
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'secrets/token', line: 1, column: 10, message: 'a token tok_**** in plain text' })]);
  });

  test('cross-file rules see every file and report in the file named', async () => {
    const reg = fakeRegistry({ project: true });
    const findings = await lintText('foo foo\n', {
      kind: 'project',
      filename: 'Dockerfile',
      files: { 'sub/Makefile': 'foo\n' },
      registry: reg,
      only: ['project/same-foo'],
    });
    expect(findings).toEqual([expect.objectContaining({ file: 'sub/Makefile', ruleId: 'project/same-foo', message: 'foo count differs from Dockerfile', line: 1 })]);
  });
});

describe('engine: other files of the repository', () => {
  test('a finding in an included file gets its path and its positions; a suppression there applies', async () => {
    const files = { 'parts/base.Dockerfile': 'ok\n  foo\n' };
    const findings = await run('INCLUDE parts/base.Dockerfile\n', { files });
    expect(findings).toEqual([
      expect.objectContaining({ file: 'parts/base.Dockerfile', line: 2, column: 3, endColumn: 6, message: 'no foo here' }),
    ]);
    expect(await run('INCLUDE parts/base.Dockerfile\n', { files: { 'parts/base.Dockerfile': '# slipway-ignore DL9001\nfoo\n' } })).toEqual([]);
  });

  test('a parse problem in an included file is reported there; a missing include at the include', async () => {
    const findings = await run('ok\nINCLUDE bad.Dockerfile\nINCLUDE none.Dockerfile\n', { files: { 'bad.Dockerfile': 'x\nSYNTAX ERROR\n' } });
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`)).toEqual([
      'Dockerfile:3:9 parse-error cannot read none.Dockerfile',
      'bad.Dockerfile:2:1 parse-error included file does not parse',
    ]);
  });
});

describe('many findings', () => {
  test('200,000 findings in one file are all reported (no argument-list overflow)', async () => {
    const findings = await run('foo '.repeat(200_000) + '\n');
    expect(findings).toHaveLength(200_000);
    expect(findings[199_999]!.column).toBe(4 * 199_999 + 1);
  }, 60_000);
});
