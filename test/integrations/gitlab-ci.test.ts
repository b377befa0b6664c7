/**
 * The GitLab CI integrations in ci/: the include file and the CI/CD component lint clean with
 * slipway itself, run slipway with the Code Quality format and publish the report, and (when
 * ../shared has GitLab's schema) pass scripts/conformance/integrations-gitlab-schema.mjs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { lint } from '../../src/lint/index.js';

const root = resolve(import.meta.dirname, '../..');
const INCLUDE = 'ci/slipway-lint.gitlab-ci.yml';
const COMPONENT = 'ci/component/templates/slipway-lint.yml';

interface Job {
  image: string;
  script: string[];
  artifacts: { expire_in: string; reports: { codequality: string } };
  rules: unknown[];
}

function checkJob(job: Job): void {
  expect(job.script.join('\n')).toMatch(/npx --yes "slipway@[^"]+" lint --format gitlab --output gl-code-quality-report\.json/);
  expect(job.artifacts.reports.codequality).toBe('gl-code-quality-report.json');
  expect(job.artifacts.expire_in).toBeTruthy();
  expect(job.rules.length).toBeGreaterThan(0);
}

describe('GitLab CI integrations', () => {
  test('both files lint clean with slipway (as GitLab CI)', { timeout: 120_000 }, async () => {
    const result = await lint([INCLUDE, COMPONENT], { cwd: root, kind: 'gitlab-ci', noConfig: true, overrides: { failureThreshold: 'style' } });
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}: ${f.message}`)).toEqual([]);
  });

  test('the include file is one job with a pinned node image', () => {
    const doc = parse(readFileSync(join(root, INCLUDE), 'utf8')) as Record<string, Job>;
    expect(Object.keys(doc)).toEqual(['slipway-lint']);
    checkJob(doc['slipway-lint']!);
    expect(doc['slipway-lint']!.image).toMatch(/^node:\d+\.\d+\.\d+/);
  });

  test('the component declares its inputs and uses each of them', () => {
    const text = readFileSync(join(root, COMPONENT), 'utf8');
    const [header, body] = parseAllDocuments(text).map((d) => d.toJS() as Record<string, unknown>);
    const inputs = (header as { spec: { inputs: Record<string, { default?: unknown }> } }).spec.inputs;
    for (const name of ['version', 'paths', 'failure-threshold', 'stage']) expect(Object.keys(inputs)).toContain(name);
    const used = new Set([...text.matchAll(/\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(Object.keys(inputs).sort());
    checkJob((body as Record<string, Job>)['slipway-lint']!);
  });

  test.skipIf(!existsSync(resolve(root, '../shared/gitlab/ci.schema.json')))('GitLab schema accepts them', { timeout: 60_000 }, () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts/conformance/integrations-gitlab-schema.mjs')], { encoding: 'utf8' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });
});
