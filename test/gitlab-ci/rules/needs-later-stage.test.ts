import { describe, expect, test } from 'vitest';
import { lint, messages } from '../helpers.js';

describe('needs-later-stage', () => {
  test('a need of a later stage, in needs and rules:needs, with the stages named', () => {
    const code = 'stages: [build, test]\nbuild:\n  stage: build\n  script: make\n  needs: [unit]\n  rules:\n    - needs: [unit]\nunit:\n  stage: test\n  script: make test\n';
    expect(messages(code, ['needs-later-stage'])).toEqual([
      '5:11 job `build` (stage `build`) needs `unit`, which runs in the later stage `test`; GitLab refuses this ("need unit is not defined in current or prior stages"): move `unit` to `build` or an earlier stage, or `build` to `test` or a later one',
      '7:15 job `build` (stage `build`) needs `unit`, which runs in the later stage `test`; GitLab refuses this ("need unit is not defined in current or prior stages"): move `unit` to `build` or an earlier stage, or `build` to `test` or a later one',
    ]);
  });

  test('same stage, parallel instances, other pipelines and unknown stages are left alone', () => {
    const code = [
      'stages: [build, test]',
      'a:\n  stage: test\n  script: a\n  parallel: 2',
      'b:\n  stage: test\n  script: b\n  needs: ["a 1/2", {pipeline: $P, job: c}]',
      'c:\n  stage: nope\n  script: c',
      'd:\n  stage: build\n  script: d\n  needs: [c]',
      '',
    ].join('\n');
    expect(lint(code, { only: ['needs-later-stage'] })).toEqual([]);
  });

  test('silent when stages come from an include slipway cannot read', () => {
    const code = 'include:\n  - project: g/ci\n    file: stages.yml\nbuild:\n  stage: build\n  script: make\n  needs: [unit]\nunit:\n  stage: test\n  script: make test\n';
    expect(lint(code, { only: ['needs-later-stage'] })).toEqual([]);
  });
});
