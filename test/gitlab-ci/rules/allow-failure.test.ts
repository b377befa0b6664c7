import { describe, expect, test } from 'vitest';
import { brief, lint } from '../helpers.js';

const only = { only: ['allow-failure'] };

describe('allow-failure', () => {
  test('on a job and in a rule, reported at the value', () => {
    const code = 'lint:\n  script: flake8\n  allow_failure: true\ne2e:\n  script: make e2e\n  rules:\n    - if: $NIGHTLY\n      allow_failure: true\n';
    expect(brief(lint(code, only))).toEqual(['3:18 allow-failure', '8:22 allow-failure']);
  });

  test('a template reaching many jobs is reported once; inherited through an anchor too', () => {
    const code = '.opt: &opt\n  allow_failure: true\na:\n  extends: .opt\n  script: a\nb:\n  <<: *opt\n  script: b\n';
    expect(brief(lint(code, only))).toEqual(['2:18 allow-failure']);
  });

  test('manual jobs, exit codes, sast/dast and security reports are left alone', () => {
    const code = [
      'm:\n  script: m\n  when: manual\n  allow_failure: true',
      'x:\n  script: x\n  allow_failure:\n    exit_codes: [3]',
      'dast_scan:\n  script: d\n  allow_failure: true',
      'deps:\n  script: s\n  allow_failure: true\n  artifacts:\n    reports:\n      dependency_scanning: r.json',
      'r:\n  script: r\n  rules:\n    - when: manual\n      allow_failure: true',
      '',
    ].join('\n');
    expect(lint(code, only)).toEqual([]);
  });

  test('code quality is not a security scanner: its failure is reported', () => {
    expect(brief(lint('code_quality:\n  script: cq\n  allow_failure: true\n', only))).toEqual(['3:18 allow-failure']);
  });
});
