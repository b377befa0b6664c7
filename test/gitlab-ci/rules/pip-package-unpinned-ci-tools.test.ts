import { describe, expect, test } from 'vitest';
import { lintText } from '../../../src/lint/index.js';

const job = (line: string) => `stages: [test]\ncheck:\n  stage: test\n  image: python:3.13-slim\n  script:\n    - ${line}\n`;
const rule = 'gitlab-ci/pip-package-unpinned';

describe('pip-package-unpinned in GitLab CI scripts', () => {
  test('tools that only check, document or publish the project are not reported', async () => {
    for (const line of ['pip install twine', 'pip install sphinx flake8 pytest_cov', 'python -m pip install safety "pytest[testing]"']) {
      expect(await lintText(job(line), { kind: 'gitlab-ci', only: [rule] })).toEqual([]);
    }
  });
  test('a dependency beside a tool is still reported, on its own word', async () => {
    const found = await lintText(job('pip install twine requests'), { kind: 'gitlab-ci', only: [rule] });
    expect(found.map((f) => [f.line, f.column])).toEqual([[6, 25]]);
  });
  test('wheel and virtualenv shape the build and are reported', async () => {
    for (const line of ['pip install wheel', 'pip install virtualenv']) {
      expect(await lintText(job(line), { kind: 'gitlab-ci', only: [rule] })).toHaveLength(1);
    }
  });
  test('the same tool in a Dockerfile is reported: it ends up in the image', async () => {
    const found = await lintText('FROM python:3.13-slim\nRUN pip install --no-cache-dir twine\n', { kind: 'dockerfile', only: ['dockerfile/pip-package-unpinned'] });
    expect(found).toHaveLength(1);
  });
});
