/**
 * The generated pipelines in gitlab-ci-local, a local runner of .gitlab-ci.yml files:
 * - every pipeline slipway can generate (preset × image variant × layering × deploy method) passes
 *   its GitLab schema validation, lists every job the file defines, and its needs/dependencies
 *   chain validates (`--validate-dependency-chain`) on a default-branch pipeline;
 * - on each example project, the lint and unit-test jobs run for real (`--force-shell-executor`:
 *   on the host, not in their images) with the machine's toolchains, and the job logs show the
 *   tests passing: Python offline, its requirements satisfied by the system Python's packages
 *   (Debian's python3-*, installed by .ci/run); Node.js with the node and npm on PATH (`npm ci`
 *   fetches node-vite's dev dependencies from the npm registry); Go with Debian's golang-go, no
 *   module or toolchain download (GOPROXY=off, GOTOOLCHAIN=local). Every job of a matrix runs on
 *   that one toolchain: the job names its version, the machine has one.
 * Skipped with the reason when gitlab-ci-local, its Node 22, git, rsync or make is missing, and per
 * example when its language's toolchain is.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generate } from '../../src/generate/index.js';
import { baseJobName, commitAll, findGitlabCiLocal, gitlabCiLocal, jobLog, jobNames } from './helpers/gitlab.js';
import { caseName, DEPLOY_METHODS, exampleLanguage, exampleNames, LAYERINGS, PRESETS, presetDescriptor, resolveIfValid, VARIANTS, writeProject, type PresetCase } from './helpers/project.js';
import { fitGoDirective, hostJobEnv, hostJobsUnavailable } from './helpers/host-tools.js';
import { describeRun } from './helpers/run.js';
import { expectTestsPassed } from './helpers/test-runs.js';

const gcl = findGitlabCiLocal();
const gclUnavailable = typeof gcl === 'string' ? gcl : undefined;
if (gclUnavailable) console.warn(`e2e gitlab-ci-local skipped: ${gclUnavailable}`);

const LIST_TIMEOUT = 30_000;
const JOB_TIMEOUT = 240_000;
/** The jobs run for real on the examples (those the pipeline has). */
const JOBS = ['lint', 'unit-test'];

interface Pipeline {
  /** File name in the pipelines repository. */
  file: string;
  yaml: string;
  /** The cases that generate this same pipeline. */
  cases: string[];
}

/** Every pipeline the presets generate, each distinct file once (the digest header aside). */
async function distinctPipelines(): Promise<Pipeline[]> {
  const byContent = new Map<string, Pipeline>();
  for (const preset of PRESETS) {
    for (const variant of VARIANTS) {
      for (const layering of LAYERINGS) {
        for (const deploy of DEPLOY_METHODS) {
          const c: PresetCase = { preset, variant, layering, deploy };
          const project = resolveIfValid(presetDescriptor(c));
          if (!project) continue; // a combination the descriptor rules refuse (e.g. Go without a builder stage)
          const files = await generate(project);
          const yaml = files.find((f) => f.path === '.gitlab-ci.yml')!.content;
          const key = createHash('sha256').update(yaml.replace(/^# slipway-digest: .*$/m, '')).digest('hex').slice(0, 12);
          const known = byContent.get(key);
          if (known) known.cases.push(caseName(c));
          else byContent.set(key, { file: `${caseName(c)}.gitlab-ci.yml`, yaml, cases: [caseName(c)] });
        }
      }
    }
  }
  return [...byContent.values()];
}

const pipelines = gclUnavailable ? [] : await distinctPipelines();

describe.skipIf(gclUnavailable !== undefined)(`gitlab-ci-local${gclUnavailable ? ` (skipped: ${gclUnavailable})` : ''}`, () => {
  const tool = gcl as Exclude<typeof gcl, string>;
  let work: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'slipway-e2e-gcl-'));
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  describe('every generated pipeline validates and lists its jobs', () => {
    let repo: string;
    beforeAll(async () => {
      repo = join(work, 'pipelines');
      mkdirSync(repo, { recursive: true });
      for (const p of pipelines) writeFileSync(join(repo, p.file), p.yaml);
      writeFileSync(join(repo, 'needs-undefined.gitlab-ci.yml'), 'unit:\n  script: [echo unit]\ndeploy:\n  needs: [missing-job]\n  script: [echo deploy]\n');
      await commitAll(repo);
    });

    test.concurrent.each(pipelines.map((p) => [p.cases.join(', '), p] as const))('%s', async (_, p) => {
      const state = ['--file', p.file, '--state-dir', `.gcl/${p.file}`];
      // --list-json validates the file against GitLab's schema; --validate-dependency-chain only validates.
      const listed = await oneAtATimePerCore(() => gitlabCiLocal(tool, [...state, '--list-json'], { cwd: repo, timeoutMs: LIST_TIMEOUT }));
      expect(listed.code, describeRun('gitlab-ci-local --list-json', listed)).toBe(0);
      const jobs = JSON.parse(listed.stdout.slice(listed.stdout.indexOf('['))) as { name: string }[];
      expect([...new Set(jobs.map((j) => baseJobName(j.name)))].sort()).toEqual(jobNames(p.yaml));
      const chain = await oneAtATimePerCore(() =>
        gitlabCiLocal(tool, [...state, '--validate-dependency-chain', '--json-schema-validation=false'], { cwd: repo, timeoutMs: LIST_TIMEOUT }),
      );
      expect(chain.code, describeRun('gitlab-ci-local --validate-dependency-chain', chain)).toBe(0);
      expect(chain.output).toMatch(/All job dependencies are valid/);
    }, 4 * LIST_TIMEOUT);

    test('a job that needs an undefined job fails the validation (the check is live)', async () => {
      const listed = await gitlabCiLocal(tool, ['--file', 'needs-undefined.gitlab-ci.yml', '--state-dir', '.gcl/needs-undefined', '--validate-dependency-chain'], {
        cwd: repo,
        timeoutMs: LIST_TIMEOUT,
      });
      expect(listed.code).not.toBe(0);
      expect(listed.output).toMatch(/missing-job/);
    }, LIST_TIMEOUT);
  });

  describe('example lint and unit-test jobs run', () => {
    const envs = new Map<string, Promise<NodeJS.ProcessEnv>>();
    /** The host environment of a language's jobs, made once. */
    const envFor = (language: string) => {
      if (!envs.has(language)) envs.set(language, hostJobEnv(language, join(work, 'host', language)));
      return envs.get(language)!;
    };

    for (const example of exampleNames()) {
      const language = exampleLanguage(example);
      const unavailable = hostJobsUnavailable(language);
      if (unavailable) {
        test.skip(`${example}: not run — ${unavailable}`, () => {});
        continue;
      }
      test(example, async () => {
        const env = await envFor(language);
        const dir = join(work, 'examples', example);
        const project = await writeProject(dir, example);
        if (language === 'go') {
          const fitted = fitGoDirective(dir, env);
          if (fitted) console.warn(`${example}: go.mod's go line lowered to ${fitted} in the test's copy, for the machine's Go`);
        }
        await commitAll(dir);
        const jobs = JOBS.filter((job) => jobNames(readFileSync(join(dir, '.gitlab-ci.yml'), 'utf8')).includes(job));
        expect(jobs, 'the pipeline has no unit-test job').toContain('unit-test');
        // One job at a time: they share the toolchain's caches, so the first job's compilation (Go's
        // race-instrumented standard library) serves the others.
        const result = await gitlabCiLocal(tool, ['--force-shell-executor', '--concurrency', '1', ...jobs], { cwd: dir, env, timeoutMs: JOB_TIMEOUT });
        expect(result.code, describeRun(`gitlab-ci-local ${jobs.join(' ')}`, result, 80)).toBe(0);
        const outcomes = jobOutcomes(result.output);
        for (const job of jobs) {
          const runs = [...outcomes.keys()].filter((listed) => baseJobName(listed) === job);
          // One job per version of the matrix (or one job for the single version), each passing.
          const versions = runs.map((listed) => /\[(.*)\]$/.exec(listed)?.[1] ?? project.runtime.version).sort();
          if (job === 'unit-test') expect(versions).toEqual([...project.runtime.matrix].sort());
          else expect(versions.length, `${job} did not run`).toBeGreaterThan(0);
          for (const listed of runs) {
            expect(outcomes.get(listed), `${listed} did not pass`).toBe('PASS');
            if (job === 'unit-test') expectTestsPassed(language, jobLog(result.output, listed).join('\n'));
          }
        }
      }, JOB_TIMEOUT);
    }
  });
});

/** Runs `task` once fewer than one gitlab-ci-local per core is running (they are CPU-bound). */
const slots = { free: Math.max(1, availableParallelism()), waiting: [] as (() => void)[] };
async function oneAtATimePerCore<T>(task: () => Promise<T>): Promise<T> {
  if (slots.free === 0) await new Promise<void>((resolve) => slots.waiting.push(resolve));
  else slots.free--;
  try {
    return await task();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free++;
  }
}

/** The PASS/FAIL/WARN verdict gitlab-ci-local prints for each job at the end of a run. */
function jobOutcomes(output: string): Map<string, string> {
  const outcomes = new Map<string, string>();
  for (const m of output.matchAll(/^ *(PASS|FAIL|WARN) +(\S.*?)\s*$/gm)) outcomes.set(m[2]!, m[1]!);
  return outcomes;
}
