import { describe, expect, test } from 'vitest';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../src/lint/index.js';
import { fakeRegistry } from './fake-kinds.js';
import { tmpRepo } from './tmp-repo.js';

const registry = fakeRegistry();

describe('lint: discovery', () => {
  test('with no path: every recognised file under the root, .gitignore and node_modules respected, in path order', async () => {
    const root = tmpRepo({
      '.gitignore': 'build/\n*.generated.Dockerfile\n',
      Dockerfile: 'ok\n',
      'b/Dockerfile.prod': 'ok\n',
      'a/api.Dockerfile': 'ok\n',
      'a/x.generated.Dockerfile': 'ok\n',
      'a/.gitignore': 'secret/\n',
      'a/secret/Dockerfile': 'ok\n',
      'build/Dockerfile': 'ok\n',
      'node_modules/pkg/Dockerfile': 'ok\n',
      'Containerfile': 'ok\n',
      'Dockerfile.dockerignore': 'x\n',
      'Dockerfile.j2': '{{ x }}\n',
      'templates/Dockerfile.app.hbs': '{{> x}}\n',
      'rules.mk': 'ok\n',
      GNUmakefile: 'ok\n',
      'README.md': 'foo\n',
    });
    const result = await lint([], { cwd: root, registry });
    expect(result.files).toEqual(['Containerfile', 'Dockerfile', 'GNUmakefile', 'a/api.Dockerfile', 'b/Dockerfile.prod', 'rules.mk']);
    expect(result.exitCode).toBe(0);
  });

  test('explicit files are linted whatever .gitignore says; a directory is walked; duplicates are linted once', async () => {
    const root = tmpRepo({ '.gitignore': 'gen/\n', 'gen/Dockerfile': 'foo\n', 'sub/Makefile': 'ok\n' });
    const result = await lint(['gen/Dockerfile', './gen/Dockerfile', 'sub'], { cwd: root, registry });
    expect(result.files).toEqual(['gen/Dockerfile', 'sub/Makefile']);
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual(['gen/Dockerfile:1 dockerfile/no-foo']);
    expect(result.exitCode).toBe(1);
  });

  test('an explicit file of unknown kind is an error unless --kind is given; the others are still linted (exit 2)', async () => {
    const root = tmpRepo({ 'build.txt': 'foo\n', Dockerfile: 'foo\n' });
    const result = await lint(['build.txt', 'Dockerfile'], { cwd: root, registry });
    expect(result.errors).toEqual([{ file: 'build.txt', message: expect.stringMatching(/^cannot tell what kind of file this is; slipway lints Dockerfile, .*give --kind/) }]);
    expect(result.findings.map((f) => f.file)).toEqual(['Dockerfile']);
    expect(result.exitCode).toBe(2);
    const forced = await lint(['build.txt'], { cwd: root, registry, kind: 'dockerfile' });
    expect(forced.findings.map((f) => `${f.file} ${f.ruleId}`)).toEqual(['build.txt dockerfile/no-foo']);
  });

  test('a missing file is an error with exit status 2 and no machine path', async () => {
    const root = tmpRepo({ Dockerfile: 'ok\n' });
    const result = await lint(['nope/Dockerfile', 'Dockerfile'], { cwd: root, registry });
    expect(result.errors).toEqual([{ file: 'nope/Dockerfile', message: 'cannot read: no such file or directory' }]);
    expect(result.files).toEqual(['Dockerfile']);
    expect(result.exitCode).toBe(2);
  });

  test('- lints stdin as --stdin-filename, by its name or --kind', async () => {
    const root = tmpRepo({});
    const result = await lint(['-'], { cwd: root, registry, stdin: { text: 'foo\n', filename: 'docker/Dockerfile' } });
    expect(result.findings.map((f) => `${f.file} ${f.ruleId}`)).toEqual(['docker/Dockerfile dockerfile/no-foo']);
    const unnamed = await lint(['-'], { cwd: root, registry, stdin: { text: 'foo\n', filename: 'input' } });
    expect(unnamed.errors[0]!.message).toMatch(/^cannot tell what kind of file stdin is/);
    expect(unnamed.exitCode).toBe(2);
  });

  test('a parse error makes the exit status 2 while the other files are still linted', async () => {
    const root = tmpRepo({ Dockerfile: 'SYNTAX ERROR\n', Makefile: 'foo\n' });
    const result = await lint([], { cwd: root, registry });
    expect(result.findings.map((f) => `${f.file} ${f.ruleId}`)).toEqual(['Dockerfile parse-error', 'Makefile makefile/no-foo']);
    expect(result.exitCode).toBe(2);
  });

  test('a leading byte-order mark does not shift columns', async () => {
    const root = tmpRepo({ Dockerfile: '\ufefffoo\n' });
    const result = await lint([], { cwd: root, registry });
    expect(result.findings[0]).toMatchObject({ line: 1, column: 1, endColumn: 4 });
  });
});

describe('lint: exit status and failure threshold', () => {
  test('default threshold warning: info findings pass, warnings fail', async () => {
    const root = tmpRepo({ Dockerfile: 'TODO\n' });
    expect((await lint([], { cwd: root, registry })).exitCode).toBe(0);
    expect((await lint([], { cwd: root, registry, overrides: { failureThreshold: 'info' } })).exitCode).toBe(1);
  });

  test('threshold none never fails on findings; error fails only on errors', async () => {
    const root = tmpRepo({ Dockerfile: 'foo\n' });
    expect((await lint([], { cwd: root, registry, overrides: { failureThreshold: 'none' } })).exitCode).toBe(0);
    expect((await lint([], { cwd: root, registry, overrides: { failureThreshold: 'error' } })).exitCode).toBe(0);
    expect((await lint([], { cwd: root, registry, overrides: { rules: { DL9001: 'error' }, failureThreshold: 'error' } })).exitCode).toBe(1);
  });
});

describe('lint: reading other files', () => {
  test('includes are read from the root only: no path out of it, no symbolic link out of it', async () => {
    const outside = tmpRepo({ 'secret.Dockerfile': 'foo\n' });
    const root = tmpRepo({ Dockerfile: `INCLUDE ../${outside.split('/').pop()}/secret.Dockerfile\nINCLUDE link.Dockerfile\n` });
    symlinkSync(join(outside, 'secret.Dockerfile'), join(root, 'link.Dockerfile'));
    const result = await lint(['Dockerfile'], { cwd: root, registry });
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([
      expect.stringMatching(/^Dockerfile:1 cannot read \.\.\//),
      'Dockerfile:2 cannot read link.Dockerfile',
    ]);
  });

  test('a file that is linted and included is reported once', async () => {
    const root = tmpRepo({ Dockerfile: 'INCLUDE b.Dockerfile\n', 'b.Dockerfile': 'x foo\n' });
    const result = await lint([], { cwd: root, registry });
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual(['b.Dockerfile:1 dockerfile/no-foo']);
  });
});
