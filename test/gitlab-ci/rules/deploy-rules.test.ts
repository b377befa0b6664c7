import { describe, expect, test } from 'vitest';
import { brief, lint } from '../helpers.js';

describe('deploy-without-environment', () => {
  const only = { only: ['deploy-without-environment'] };
  test('deploy by name or stage; publishing and pages jobs in a deploy stage are not deploys', () => {
    const code = 'deploy-app:\n  stage: build\n  script: d\nship:\n  stage: deploy\n  script: s\npublish:\n  stage: deploy\n  script: twine upload dist/*\npages:\n  stage: deploy\n  script: p\n';
    expect(brief(lint(code, only))).toEqual(['1:1 deploy-without-environment', '4:1 deploy-without-environment']);
  });
});

describe('production-deploy-unprotected', () => {
  const only = { only: ['production-deploy-unprotected'] };
  test('production by environment name or tier, reported at the name', () => {
    const code = 'a:\n  stage: deploy\n  script: d\n  environment:\n    name: prod-eu\nb:\n  stage: deploy\n  script: d\n  environment:\n    name: main\n    deployment_tier: production\n';
    expect(brief(lint(code, only))).toEqual(['5:11 production-deploy-unprotected', '10:11 production-deploy-unprotected']);
  });

  test('gated by branch rules, tags, only, manual or a resource group; staging is not production', () => {
    const code = [
      'a:\n  script: d\n  environment: production\n  rules:\n    - if: $CI_COMMIT_TAG',
      'b:\n  script: d\n  environment: production\n  only: [main]',
      'c:\n  script: d\n  environment: production\n  rules:\n    - if: $CI_PIPELINE_SOURCE == "push"\n      when: manual',
      'd:\n  script: d\n  environment: production\n  resource_group: prod',
      'e:\n  script: d\n  environment: staging',
      'f:\n  script: d\n  environment:\n    name: production\n    action: stop',
      '',
    ].join('\n');
    expect(lint(code, only)).toEqual([]);
  });

  test('a rule that runs without testing the ref leaves the job ungated', () => {
    const code = 'a:\n  script: d\n  environment: production\n  rules:\n    - if: $CI_COMMIT_BRANCH == "main"\n    - when: on_success\n';
    expect(brief(lint(code, only))).toEqual(['3:16 production-deploy-unprotected']);
  });
});

describe('deploy-when-always', () => {
  test('teardowns and stop actions may run always', () => {
    const code = 'destroy-review:\n  stage: deploy\n  script: x\n  when: always\ndeploy:\n  stage: deploy\n  script: d\n  when: always\n';
    expect(brief(lint(code, { only: ['deploy-when-always'] }))).toEqual(['8:9 deploy-when-always']);
  });
});

describe('cache-without-key and artifacts-without-expiry', () => {
  test('reported at `paths`, once for a template; keys, expiry, reports and pages are fine', () => {
    const code = [
      '.c:\n  cache:\n    paths: [.npm]',
      'a:\n  extends: .c\n  script: a\n  artifacts:\n    paths: [dist]',
      'b:\n  extends: .c\n  script: b\n  cache:\n    key: b\n    paths: [x]\n  artifacts:\n    paths: [dist]\n    expire_in: 1 day',
      'pages:\n  script: p\n  artifacts:\n    paths: [public]',
      '',
    ].join('\n');
    expect(brief(lint(code, { only: ['cache-without-key', 'artifacts-without-expiry'] }))).toEqual(['3:5 cache-without-key', '8:5 artifacts-without-expiry']);
  });
});
