import { describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { lint, LintConfigError } from '../../src/lint/index.js';
import { fakeRegistry } from './fake-kinds.js';
import { tmpRepo } from './tmp-repo.js';

const registry = fakeRegistry();
const summary = async (root: string, options: Parameters<typeof lint>[1] = {}) =>
  (await lint([], { cwd: root, registry, ...options })).findings.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.severity}`);

async function configProblems(root: string, options: Parameters<typeof lint>[1] = {}) {
  try {
    await lint([], { cwd: root, registry, ...options });
  } catch (err) {
    if (err instanceof LintConfigError) return err.problems.map((p) => `${p.file ?? ''}:${p.line ?? ''}:${p.column ?? ''}: ${p.message}`);
    throw err;
  }
  throw new Error('expected a configuration error');
}

describe('lint configuration', () => {
  test('the lint: section of slipway.yaml sets severities (by alias and glob), path ignores and the threshold', async () => {
    const root = tmpRepo({
      'slipway.yaml': [
        'name: demo',
        'lint:',
        '  failureThreshold: error',
        '  rules:',
        '    DL9001: error',
        '    dockerfile/t*: style',
        '  ignore:',
        '    - paths: [vendor/]',
        '    - paths: ["legacy/*.Dockerfile"]',
        '      rules: [dockerfile/no-foo]',
        '',
      ].join('\n'),
      Dockerfile: 'foo TODO\n',
      'vendor/Dockerfile': 'foo\n',
      'legacy/old.Dockerfile': 'foo TODO\n',
    });
    const result = await lint([], { cwd: root, registry });
    expect(result.files).toEqual(['Dockerfile', 'legacy/old.Dockerfile']);
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.severity}`)).toEqual([
      'Dockerfile:1 dockerfile/no-foo error',
      'Dockerfile:1 dockerfile/todo style',
      'legacy/old.Dockerfile:1 dockerfile/todo style',
    ]);
    expect(result.failureThreshold).toBe('error');
    expect(result.configFiles).toEqual(['slipway.yaml']);
    expect(result.exitCode).toBe(1);
  });

  test('.slipway.yaml has the same keys at the top level', async () => {
    const root = tmpRepo({ '.slipway.yaml': 'rules:\n  dockerfile/no-foo: off\n', Dockerfile: 'foo TODO\n' });
    expect(await summary(root)).toEqual(['Dockerfile:1 dockerfile/todo info']);
  });

  test('a slipway.yaml without lint: is not configuration; both forms at once is an error', async () => {
    expect(await summary(tmpRepo({ 'slipway.yaml': 'name: demo\n', Dockerfile: 'foo\n' }))).toEqual(['Dockerfile:1 dockerfile/no-foo warning']);
    const both = tmpRepo({ 'slipway.yaml': 'lint:\n  rules: {}\n', '.slipway.yaml': 'rules: {}\n' });
    expect(await configProblems(both)).toEqual([
      '.slipway.yaml::: lint configuration is given both here and in the lint: section of slipway.yaml; keep one of them',
    ]);
  });

  test('.hadolint.yaml: ignored, override (error wins), trustedRegistries, failure-threshold, mapped through aliases', async () => {
    const root = tmpRepo({
      '.hadolint.yaml': [
        'ignored: [DL9002, SC2086, DL3999]',
        'override:',
        '  info: [DL9001]',
        '  error: [DL9001]',
        'trustedRegistries: [good.io]',
        'failure-threshold: error',
        'format: json',
        '',
      ].join('\n'),
      Dockerfile: 'foo TODO\nREG=evil.io\n',
    });
    const result = await lint([], { cwd: root, registry });
    expect(result.findings.map((f) => `${f.line} ${f.ruleId} ${f.severity}`)).toEqual(['1 dockerfile/no-foo error', '2 dockerfile/untrusted warning']);
    expect(result.failureThreshold).toBe('error');
    expect(result.configFiles).toEqual(['.hadolint.yaml']);
  });

  test("hadolint's failure-threshold none means every finding fails; no-fail means none", async () => {
    const none = tmpRepo({ '.hadolint.yml': 'failure-threshold: none\n', Dockerfile: 'TODO\n' });
    expect((await lint([], { cwd: none, registry })).failureThreshold).toBe('style');
    const noFail = tmpRepo({ '.hadolint.yml': 'no-fail: true\n', Dockerfile: 'foo\n' });
    expect((await lint([], { cwd: noFail, registry })).exitCode).toBe(0);
  });

  test('disable-ignore-pragma turns inline suppressions off', async () => {
    const root = tmpRepo({ '.hadolint.yaml': 'disable-ignore-pragma: true\n', Dockerfile: '# hadolint ignore=DL9001\nfoo\n' });
    expect(await summary(root)).toEqual(['Dockerfile:2 dockerfile/no-foo warning']);
  });

  test('precedence: .hadolint.yaml < slipway configuration < command line; trusted registries add up', async () => {
    const root = tmpRepo({
      '.hadolint.yaml': 'override:\n  error: [DL9001]\ntrustedRegistries: [a.io]\n',
      '.slipway.yaml': 'rules:\n  DL9001: info\ntrustedRegistries: [b.io]\n',
      Dockerfile: 'foo\nREG=a.io\nREG=b.io\nREG=c.io\n',
    });
    expect(await summary(root)).toEqual(['Dockerfile:1 dockerfile/no-foo info', 'Dockerfile:4 dockerfile/untrusted warning']);
    expect(await summary(root, { overrides: { rules: { 'dockerfile/no-foo': 'style' }, trustedRegistries: ['c.io'] } })).toEqual([
      'Dockerfile:1 dockerfile/no-foo style',
    ]);
  });

  test('--config FILE replaces the lookup; its form follows its name; noConfig reads nothing', async () => {
    const root = tmpRepo({
      '.slipway.yaml': 'rules:\n  DL9001: off\n',
      'ci/lint.yaml': 'rules:\n  DL9001: error\n',
      'ci/my.hadolint.yaml': 'ignored: [DL9001]\n',
      Dockerfile: 'foo\n',
    });
    expect(await summary(root)).toEqual([]);
    expect(await summary(root, { configFile: 'ci/lint.yaml' })).toEqual(['Dockerfile:1 dockerfile/no-foo error']);
    expect(await summary(root, { configFile: 'ci/my.hadolint.yaml' })).toEqual([]);
    expect(await summary(root, { noConfig: true })).toEqual(['Dockerfile:1 dockerfile/no-foo warning']);
  });

  test('errors point at the key or value with file:line:col and suggest names', async () => {
    const root = tmpRepo({
      '.slipway.yaml': [
        'failureTreshold: error',
        'rules:',
        '  dockerfile/no-fo: off',
        '  DL9002: loud',
        'ignore:',
        '  - rules: [DL9001]',
        'labelSchema:',
        '  maintainer: phone',
        '',
      ].join('\n'),
    });
    expect(await configProblems(root)).toEqual([
      '.slipway.yaml:1:1: unknown key "failureTreshold" in the lint configuration; did you mean "failureThreshold"? (allowed: failureThreshold, rules, ignore, trustedRegistries, labelSchema, strictLabels)',
      '.slipway.yaml:4:11: the setting of "DL9002" must be one of error, warning, info, style, off',
      '.slipway.yaml:6:5: an ignore entry needs paths: a non-empty list of path patterns',
      '.slipway.yaml:8:15: label "maintainer" has type "phone"; use one of text, url, semver, hash, rfc3339, spdx, email',
    ]);
    const unknown = tmpRepo({ '.slipway.yaml': 'rules:\n  dockerfile/no-fo: off\n' });
    expect(await configProblems(unknown)).toEqual(['.slipway.yaml:2:3: unknown rule "dockerfile/no-fo"; did you mean "dockerfile/no-foo"?']);
  });

  test('invalid YAML and a bad hadolint file are configuration errors with positions', async () => {
    expect(await configProblems(tmpRepo({ '.slipway.yaml': 'rules: [\n' }))).toEqual([expect.stringMatching(/^\.slipway\.yaml:2:1: invalid YAML: /)]);
    expect(await configProblems(tmpRepo({ '.hadolint.yaml': 'ignored: DL3008\nfailure-threshold: loud\n' }))).toEqual([
      '.hadolint.yaml:1:10: ignored must be a list of rule codes',
      '.hadolint.yaml:2:20: failure-threshold must be one of error, warning, info, style, ignore, none',
    ]);
  });

  test('command-line names are checked too', async () => {
    const root = tmpRepo({ Dockerfile: 'ok\n' });
    await expect(lint([], { cwd: root, registry, overrides: { rules: { nope: 'off' } } })).rejects.toThrow('command line: unknown rule "nope"');
  });
});

describe('lint configuration: the published schema', () => {
  const schemaPresent = existsSync(new URL('../../src/descriptor/schema.ts', import.meta.url));
  test.skipIf(!schemaPresent)("hadolint's registry wildcards are accepted in trustedRegistries", async () => {
    const root = tmpRepo({ '.slipway.yaml': 'trustedRegistries: ["*", "*.example.com", "registry.example.*", "docker.io:5000"]\n' });
    const result = await lint([], { cwd: root, registry });
    expect(result.configFiles.length).toBe(1);
    expect(result.exitCode).toBe(0);
  });
  test.skipIf(!schemaPresent)('values only the schema constrains are checked against it, at their position', async () => {
    const root = tmpRepo({ '.slipway.yaml': 'trustedRegistries:\n  - https://registry.example.com\n' });
    expect(await configProblems(root)).toEqual([
      '.slipway.yaml:2:5: trustedRegistries.0 must be a registry host name, optionally with a port (registry.example.com:5000), or a wildcard as hadolint takes them (`*`, `*.example.com`, `registry.example.*`)',
    ]);
  });
});
