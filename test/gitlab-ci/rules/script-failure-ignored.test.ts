import { describe, expect, test } from 'vitest';
import { brief, lint, messages } from '../helpers.js';

const only = { only: ['script-failure-ignored'] };

describe('script-failure-ignored', () => {
  test('|| true, || :, || exit 0 after a check, at the `||`', () => {
    const code = 'a:\n  script:\n    - pytest || true\n    - \'make lint || :\'\n    - "npm test || exit 0"\n';
    expect(brief(lint(code, only))).toEqual(['3:14 script-failure-ignored', '4:18 script-failure-ignored', '5:17 script-failure-ignored']);
    expect(messages('a:\n  script:\n    - make && pytest -x || true\n', ['script-failure-ignored'])).toEqual([
      '3:25 `|| true` in job `a` hides the failure of `make`: the job passes whatever it returns (Fake Success); let it fail, or allow only chosen exit codes with `allow_failure: {exit_codes: [N]}`',
    ]);
  });

  test('`[ cond ] && cmd || true` is reported with the if-then form', () => {
    expect(messages('a:\n  script:\n    - \'[ "$X" = 1 ] && docker push img || true\'\n', ['script-failure-ignored'])[0]).toContain(
      'is meant for the condition `[ "$X" = 1 ]` but also hides the failure of `docker push img`',
    );
  });

  test('harmless commands, the cache pull idiom, after_script and `; true` are left alone', () => {
    const code = [
      'a:',
      '  script:',
      '    - docker pull "$IMG:latest" || true',
      '    - rm -rf build || true',
      '    - git commit -m x || echo "nothing to commit"',
      '    - make test; true',
      '    - trivy image x || true',
      '  after_script:',
      '    - make report || true',
      '',
    ].join('\n');
    expect(lint(code, only)).toEqual([]);
  });

  test('set +e: reported unless set -e comes back or nothing follows', () => {
    expect(brief(lint('a:\n  script:\n    - set +e\n    - make lint\n', only))).toEqual(['3:11 script-failure-ignored']);
    expect(lint('a:\n  script:\n    - set +e\n    - make lint; s=$?\n    - set -e\n    - exit $s\n', only)).toEqual([]);
    expect(lint('a:\n  script:\n    - make\n    - set +e\n', only)).toEqual([]);
  });
});
