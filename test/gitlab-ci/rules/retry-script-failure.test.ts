import { describe, expect, test } from 'vitest';
import { brief, lint, messages } from '../helpers.js';

const only = { only: ['retry-script-failure'] };

describe('retry-script-failure', () => {
  test('retry: N, max without when, and when including script_failure', () => {
    const code = 'a:\n  script: a\n  retry: 2\nb:\n  script: b\n  retry:\n    max: 1\nc:\n  script: c\n  retry:\n    max: 2\n    when: [script_failure]\n';
    expect(brief(lint(code, only))).toEqual(['3:10 retry-script-failure', '7:5 retry-script-failure', '11:5 retry-script-failure']);
    expect(messages('a:\n  script: a\n  retry: 1\n', ['retry-script-failure'])[0]).toContain('up to 1 time whatever fails');
  });

  test('infrastructure failures only, exit codes, zero are left alone', () => {
    const code = 'a:\n  script: a\n  retry:\n    max: 2\n    when: [runner_system_failure, stuck_or_timeout_failure]\nb:\n  script: b\n  retry: 0\nc:\n  script: c\n  retry:\n    max: 2\n    exit_codes: [137]\n';
    expect(lint(code, only)).toEqual([]);
  });

  test('default: retry is reported once, at default', () => {
    expect(messages('default:\n  retry: 2\na:\n  script: a\nb:\n  script: b\n', ['retry-script-failure'])).toEqual([
      '2:10 `retry` reruns every job (`default:`) up to 2 times whatever fails, so a failing or flaky script passes on a later try (Retry Failure); retry only infrastructure failures (`when: [runner_system_failure, stuck_or_timeout_failure]`) and fix or quarantine flaky tests',
    ]);
  });
});
