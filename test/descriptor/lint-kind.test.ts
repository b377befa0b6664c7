import { describe, expect, test } from 'vitest';
import { lintText } from '../../src/lint/index.js';
import { descriptorSupport } from '../../src/lint/descriptor/index.js';
import { tokenEnd } from '../../src/lint/descriptor/facts.js';

const lint = (code: string, files: Record<string, string> = {}) => lintText(code, { kind: 'descriptor', files });
const brief = (f: { line: number; column: number; endColumn: number; ruleId: string; severity: string; message: string }) =>
  `${f.line}:${f.column}-${f.endColumn} ${f.severity} ${f.ruleId}: ${f.message}`;

describe('lint kind descriptor', () => {
  test('descriptor errors are parse errors at the offending token', async () => {
    const findings = await lint('name: svc\nextends: python-flask\nimage:\n  variant: slimm\n  varient: alpine\n');
    expect(findings.map(brief)).toEqual([
      '4:12-17 error parse-error: `image.variant` must be one of slim, alpine; got `slimm`; did you mean `slim`?',
      '5:3-10 error parse-error: unknown key `varient` in `image`; did you mean `variant`?',
    ]);
  });

  test('a clean descriptor with its files has no findings', async () => {
    const files = { 'requirements.txt': 'flask\n', 'requirements-dev.txt': 'pytest\n' };
    expect(await lint('name: svc\nextends: python-flask\n', files)).toEqual([]);
  });

  test('files are looked up beside the descriptor, not at the lint root', async () => {
    const files = { 'svc/requirements.txt': 'flask\n', 'requirements-dev.txt': 'pytest\n' };
    const findings = await lintText('name: svc\nextends: python-flask\n', { kind: 'descriptor', filename: 'svc/slipway.yaml', files });
    expect(findings.map((f) => f.message)).toEqual([
      'presets/python-flask.yaml:6:20: `python.devRequirements` names `requirements-dev.txt`, which is not in the project',
    ]);
  });

  test('warnings become findings of the descriptor rules', async () => {
    const findings = await lint('name: svc\nextends: python-flask\nruntime:\n  matrix: ["3.9", "3.13"]\n', { 'requirements.txt': 'flask\n' });
    expect(findings.map(brief)).toEqual([
      '2:10-22 warning descriptor/missing-file: presets/python-flask.yaml:6:20: `python.devRequirements` names `requirements-dev.txt`, which is not in the project',
      expect.stringMatching(/^4:12-17 warning descriptor\/eol-version-in-matrix: `runtime\.matrix\[0\]`: Python 3\.9 reached its end of life on 2025-10-31/),
    ]);
  });

  test('rules can be suppressed inline like any other', async () => {
    const code = 'name: svc\nextends: python-flask\n# slipway-ignore descriptor/eol-version-in-matrix -- still supported by us\nruntime:\n  matrix: ["3.9", "3.13"]\n';
    const findings = await lint(code, { 'requirements.txt': '', 'requirements-dev.txt': '' });
    expect(findings).toEqual([]);
  });

  test('the statement of a line is the YAML entry with its nested value', async () => {
    const parsed = descriptorSupport.parse(
      { path: 'slipway.yaml', text: 'name: svc\nextends: python-flask\n\nruntime:\n  version: "3.12"\n  matrix: ["3.12", "3.13"]\napp:\n  port: 9000\n', kind: 'descriptor' },
      { root: '/', readFile: () => undefined },
    );
    expect(descriptorSupport.statementRange!(parsed.doc!, 3)).toEqual({ startLine: 4, endLine: 6 });
    expect(descriptorSupport.statementRange!(parsed.doc!, 6)).toEqual({ startLine: 6, endLine: 6 });
    expect(descriptorSupport.statementRange!(parsed.doc!, 9)).toBeUndefined();
  });

  test('token ends: quoted scalars, keys, plain values in flow lists', () => {
    expect(tokenEnd('  variant: slimm', 12)).toBe(17);
    expect(tokenEnd('  varient: alpine', 3)).toBe(10);
    expect(tokenEnd('  matrix: ["3.9", "3.13"]', 12)).toBe(17);
    expect(tokenEnd('  copy: [a.py, ../x]', 16)).toBe(20);
  });
});
