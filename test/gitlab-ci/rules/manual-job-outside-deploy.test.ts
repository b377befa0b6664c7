import { describe, expect, test } from 'vitest';
import { brief, lint } from '../helpers.js';

const only = { only: ['manual-job-outside-deploy'] };

describe('manual-job-outside-deploy', () => {
  test('manual tests and builds, also through a rule and in a job named *_manual', () => {
    const code = 'unit:\n  script: t\n  when: manual\ntest_e2e_manual:\n  script: e\n  when: manual\nbuild:\n  script: b\n  rules:\n    - when: manual\n';
    expect(brief(lint(code, only))).toEqual(['3:9 manual-job-outside-deploy', '6:9 manual-job-outside-deploy', '10:13 manual-job-outside-deploy']);
  });

  test('deployments by environment, pages, names, teardown words and stages after a delivery stage', () => {
    const code = [
      'stages: [build, deploy, cleanup]',
      'push:\n  stage: build\n  script: p\n  environment: docker-hub\n  when: manual',
      'pages:\n  stage: build\n  script: s\n  when: manual',
      'release-notes:\n  stage: build\n  script: r\n  when: manual',
      'deploy_prod:\n  stage: build\n  script: d\n  when: manual',
      'helm-delete:\n  stage: build\n  script: h\n  when: manual',
      'purge:\n  stage: cleanup\n  script: x\n  when: manual',
      '',
    ].join('\n');
    expect(lint(code, only)).toEqual([]);
  });

  test('short words match as words: product is not prod', () => {
    expect(brief(lint('product-tests:\n  script: t\n  when: manual\n', only))).toEqual(['3:9 manual-job-outside-deploy']);
  });
});
