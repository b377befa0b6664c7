import { describe, expect, test } from 'vitest';
import { lint, messages } from '../helpers.js';

describe('dependencies-later-stage and dependencies-same-stage', () => {
  const stages = 'stages: [build, test]\ncompile:\n  stage: build\n  script: make\n';

  test('a later stage is an error; a dependency missing from needs too', () => {
    expect(messages(`${stages}a:\n  stage: build\n  script: a\n  dependencies: [unit]\nunit:\n  stage: test\n  script: t\n`, ['dependencies-later-stage'])).toEqual([
      '8:18 job `a` (stage `build`) depends on `unit`, which runs in the later stage `test`; GitLab refuses this ("dependency unit is not defined in current or prior stages"): depend on jobs of earlier stages only',
    ]);
    expect(messages(`${stages}docs:\n  stage: build\n  script: d\nunit:\n  stage: test\n  script: t\n  needs: [compile]\n  dependencies: [docs]\n`, ['dependencies-later-stage'])).toEqual([
      '12:18 job `unit` depends on `docs` but does not list it in `needs:`; GitLab refuses this ("dependencies the docs should be part of needs"): add `docs` to `needs:` or remove the dependency',
    ]);
  });

  test('a same-stage dependency without needs hands over nothing', () => {
    expect(messages(`${stages}pack:\n  stage: build\n  script: p\n  dependencies: [compile]\n`, ['dependencies-same-stage', 'dependencies-later-stage'])).toEqual([
      "8:18 job `pack` depends on `compile` of its own stage `build`: jobs of a stage start together, so it gets none of `compile`'s artifacts; add `needs: [compile]` or move `compile` to an earlier stage",
    ]);
    expect(lint(`${stages}pack:\n  stage: build\n  script: p\n  needs: [compile]\n  dependencies: [compile]\n`, { only: ['dependencies-same-stage', 'dependencies-later-stage'] })).toEqual([]);
  });
});
