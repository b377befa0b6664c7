/**
 * The golden pipelines of the examples and feature cases (the presets' are listed by
 * test/e2e/gitlab-ci-local.test.ts), and the repository's own .gitlab-ci.yml, through
 * gitlab-ci-local: each passes GitLab's schema validation, lists every job it defines (the slipway
 * jobs among them), and its needs chain validates on a default-branch pipeline.
 * Skipped with the reason when gitlab-ci-local, its Node 22, git, rsync or make is missing.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { baseJobName, commitAll, findGitlabCiLocal, gitlabCiLocal, jobNames } from '../e2e/helpers/gitlab.js';
import { describeRun } from '../e2e/helpers/run.js';
import { GOLDEN_ROOT, goldenCases } from './cases.js';

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const TIMEOUT = 60_000;

const gcl = findGitlabCiLocal();
const unavailable = typeof gcl === 'string' ? gcl : undefined;
if (unavailable) console.warn(`golden gitlab-ci-local listing skipped: ${unavailable}`);

interface Pipeline {
  name: string;
  yaml: string;
}

function pipelines(): Pipeline[] {
  const out: Pipeline[] = goldenCases()
    .filter((c) => !c.dir.startsWith('presets/'))
    .map((c) => ({ name: c.dir.replace('/', '-'), yaml: readFileSync(join(GOLDEN_ROOT, c.dir, '.gitlab-ci.yml'), 'utf8') }));
  // slipway's own pipeline (absent from a copy of the sources without the root files, e.g. an image's test stage).
  const own = join(REPO_ROOT, '.gitlab-ci.yml');
  if (existsSync(own)) out.push({ name: 'slipway', yaml: readFileSync(own, 'utf8') });
  return out;
}

describe.skipIf(unavailable !== undefined)(`golden pipelines in gitlab-ci-local${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  const tool = gcl as Exclude<typeof gcl, string>;
  const all = pipelines();
  let repo: string;

  beforeAll(async () => {
    repo = mkdtempSync(join(tmpdir(), 'slipway-golden-gcl-'));
    mkdirSync(repo, { recursive: true });
    for (const p of all) writeFileSync(join(repo, `${p.name}.gitlab-ci.yml`), p.yaml);
    await commitAll(repo);
  }, TIMEOUT);
  afterAll(() => {
    if (repo) rmSync(repo, { recursive: true, force: true });
  });

  test('the slipway jobs are among the pipelines listed', () => {
    const names = all.flatMap((p) => jobNames(p.yaml));
    expect(names).toContain('slipway-lint');
    expect(names).toContain('slipway-check');
  });

  test.each(all.map((p) => [p.name, p] as const))('%s', async (_, p) => {
    const state = ['--file', `${p.name}.gitlab-ci.yml`, '--state-dir', `.gcl/${p.name}`];
    const listed = await gitlabCiLocal(tool, [...state, '--list-json'], { cwd: repo, timeoutMs: TIMEOUT });
    expect(listed.code, describeRun('gitlab-ci-local --list-json', listed)).toBe(0);
    const jobs = JSON.parse(listed.stdout.slice(listed.stdout.indexOf('['))) as { name: string; stage: string }[];
    expect([...new Set(jobs.map((j) => baseJobName(j.name)))].sort()).toEqual(jobNames(p.yaml));
    for (const job of jobs.filter((j) => j.name.startsWith('slipway-'))) expect(job.stage).toBe('test');
    const chain = await gitlabCiLocal(tool, [...state, '--validate-dependency-chain', '--json-schema-validation=false'], { cwd: repo, timeoutMs: TIMEOUT });
    expect(chain.code, describeRun('gitlab-ci-local --validate-dependency-chain', chain)).toBe(0);
    expect(chain.output).toMatch(/All job dependencies are valid/);
  }, 2 * TIMEOUT);
});
