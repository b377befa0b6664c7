import { describe, expect, test } from 'vitest';
import { lint, messages } from '../helpers.js';

describe('needs-cycle', () => {
  test('a cycle is reported once, at the first job written, with the whole path', () => {
    const code = 'a:\n  script: a\n  needs: [c]\nb:\n  script: b\n  needs: [a]\nc:\n  script: c\n  needs: [b]\n';
    expect(messages(code, ['needs-cycle'])).toEqual([
      '3:11 `needs:` form a cycle: `a` → `c` → `b` → `a`; GitLab refuses the pipeline ("The pipeline has circular dependencies") as no job of the cycle can start: remove the need that points back',
    ]);
  });

  test('a job needing itself', () => {
    expect(messages('a:\n  script: a\n  needs: [a]\n', ['needs-cycle'])).toEqual([
      '3:11 job `a` needs itself; GitLab refuses the pipeline ("The pipeline has circular dependencies") as no job of the cycle can start: remove the need that points back',
    ]);
  });

  test('a diamond is not a cycle; a later-stage need is left to needs-later-stage', () => {
    expect(lint('a:\n  script: a\nb:\n  script: b\n  needs: [a]\nc:\n  script: c\n  needs: [a]\nd:\n  script: d\n  needs: [b, c]\n', { only: ['needs-cycle'] })).toEqual([]);
    const later = 'stages: [build, test]\na:\n  stage: build\n  script: a\n  needs: [b]\nb:\n  stage: test\n  script: b\n  needs: [a]\n';
    expect(lint(later, { only: ['needs-cycle'] })).toEqual([]);
  });
});
