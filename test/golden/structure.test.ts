/**
 * What every golden case's files must be, checked with parsers against the model: YAML that
 * parses and keeps the pipeline rules, Dockerfiles with the expected stages and instructions,
 * a Makefile whose every target `make -n` accepts, a tox.ini with the matrix as envlist.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, test } from 'vitest';
import { generate, type GeneratedFile } from '../../src/generate/index.js';
import type { Project } from '../../src/descriptor/model.js';
import { caseProject, goldenCases } from './cases.js';
import { dockerInstructions, dockerLogicalLines, execForm, iniSections, makeTargets } from '../generate/parse-helpers.js';

const hasMake = spawnSync('make', ['--version']).status === 0;

type Job = Record<string, unknown>;

function file(files: GeneratedFile[], path: string): string {
  const f = files.find((x) => x.path === path);
  if (!f) throw new Error(`${path} not generated`);
  return f.content;
}

function scripts(job: Job): string[] {
  return ['before_script', 'script', 'after_script'].flatMap((k) => (job[k] as string[] | undefined) ?? []);
}

function checkPipeline(text: string, project: Project, makefile: string): void {
  const doc = parseDocument(text, { prettyErrors: false });
  expect(doc.errors).toEqual([]);
  expect(doc.warnings).toEqual([]);
  const ci = doc.toJS() as Record<string, unknown>;
  expect(ci.stages).toEqual(project.ci.stages);
  expect(ci.workflow).toBeDefined();
  const targets = makeTargets(makefile);
  const jobs = Object.entries(ci).filter(([k]) => !['workflow', 'stages', 'variables', 'default'].includes(k) && !k.startsWith('.'));
  expect(jobs.length).toBeGreaterThan(0);
  const templates = Object.fromEntries(Object.entries(ci).filter(([k]) => k.startsWith('.'))) as Record<string, Job>;
  for (const [name, raw] of jobs) {
    const job = raw as Job;
    const base = typeof job.extends === 'string' ? { ...templates[job.extends], ...job } : job;
    expect([...project.ci.stages, '.post'], name).toContain(base.stage);
    expect(base.rules, `${name} has rules`).toBeInstanceOf(Array);
    for (const banned of ['only', 'except', 'allow_failure']) expect(Object.keys(base), name).not.toContain(banned);
    for (const line of scripts(base)) {
      expect(line, name).not.toMatch(/\|\|\s*true/);
      expect(line, name).not.toMatch(/ssh-keyscan|docker login .*-p |--password[= ]/);
      const make = /^make (\S+)$/.exec(line);
      if (make) expect([...targets.keys()], `${name} calls make ${make[1]}`).toContain(make[1]);
    }
    const image = typeof base.image === 'string' ? base.image : (base.image as { name?: string } | undefined)?.name;
    expect(image, `${name} image`).toMatch(/^[^:]+:(?!latest$)\S+$/);
    const artifacts = base.artifacts as { expire_in?: string } | undefined;
    if (artifacts) expect(artifacts.expire_in, name).toBeTruthy();
    const cache = base.cache as { key?: unknown } | undefined;
    if (cache) expect(cache.key, name).toBeTruthy();
    if (job.stage === 'deploy') {
      expect(job.environment, name).toBeDefined();
      expect(job.resource_group, name).toBeDefined();
    }
    const variables = (base.variables ?? {}) as Record<string, unknown>;
    if (variables.DOCKER_HOST) expect(variables.DOCKER_HOST).not.toMatch(/:2375$/);
    if ('DOCKER_TLS_CERTDIR' in variables) expect(variables.DOCKER_TLS_CERTDIR).toBe('/certs');
  }
  const testJob = ci['unit-test'] as Job | undefined;
  if (project.ci.stages.includes('test')) {
    const matrix = (testJob?.parallel as { matrix: Record<string, string[]>[] }).matrix;
    expect(matrix[0]![VERSION_VARIABLE[project.language]]).toEqual(project.runtime.matrix);
    // Go vets on every version too; the other languages lint on the image's version.
    const lint = ci.lint as Job | undefined;
    if (project.language === 'go' && lint) expect(lint.parallel).toEqual(testJob!.parallel);
    if (project.language !== 'go' && lint) expect((lint.variables as Record<string, string>)[VERSION_VARIABLE[project.language]]).toBe(project.runtime.version);
  }
  if (project.deploy.method !== 'none') {
    const deploy = ci.deploy as Job;
    const whens = (deploy.rules as { when?: string }[]).map((r) => r.when);
    expect(new Set(whens)).toEqual(new Set([project.deploy.manual ? 'manual' : 'on_success']));
    expect((deploy.environment as { name: string }).name).toBe(project.deploy.environment.name);
  }
}

const VERSION_VARIABLE: Record<Project['language'], string> = { python: 'PYTHON_VERSION', node: 'NODE_VERSION', go: 'GO_VERSION' };

/** The stages of a builder Dockerfile. */
function builderStages(project: Project): string[] {
  if (project.language === 'python') return ['base', 'builder', 'test', 'runtime'];
  if (project.language === 'go') return ['build', 'test', 'runtime'];
  return project.image.runtime === 'nginx' ? ['base', 'build', 'test', 'runtime'] : ['base', 'build', 'test', 'deps', 'runtime'];
}

/** The text from the last FROM on (the stage the image runs). */
function lastStageText(text: string): string {
  const lines = text.split('\n');
  const from = lines.map((l) => /^FROM /.test(l)).lastIndexOf(true);
  return lines.slice(from).join('\n');
}

function checkDockerfiles(files: GeneratedFile[], project: Project): void {
  const parsed = files.filter((f) => f.kind === 'dockerfile').map((f) => ({ path: f.path, text: f.content, ins: dockerInstructions(f.content) }));
  const stages = (ins: { keyword: string; args: string[] }[]) =>
    ins.filter((i) => i.keyword === 'FROM').map((i) => i.args.filter((a) => !a.startsWith('--'))[2] ?? '');
  const app = parsed.find((p) => p.path === 'Dockerfile')!;
  if (project.image.layering === 'single') expect(stages(app.ins)).toEqual(['']);
  if (project.image.layering === 'builder') expect(stages(app.ins)).toEqual(builderStages(project));
  if (project.image.layering === 'base-app') {
    expect(parsed.map((p) => p.path).sort()).toEqual(['Dockerfile', 'Dockerfile.base']);
    expect(app.ins.find((i) => i.keyword === 'FROM')!.args).toEqual(['${BASE_IMAGE}']);
    expect(app.ins.some((i) => i.keyword === 'RUN' && /apt-get|apk|pip install -r|npm ci|pnpm install|yarn install/.test(i.args.join(' ')))).toBe(false);
  }
  for (const { path, text, ins } of parsed) {
    expect(text.split('\n')[0], path).toBe('# syntax=docker/dockerfile:1');
    const lastStage = ins.slice(ins.map((i) => i.keyword).lastIndexOf('FROM'));
    const users = lastStage.filter((i) => i.keyword === 'USER');
    expect(users.at(-1)?.args[0], `${path} ends as the app user`).toBe(`${project.image.user.uid}:${project.image.user.gid ?? project.image.user.uid}`);
    for (const line of dockerLogicalLines(text)) {
      if (/^RUN .*apt-get install/.test(line)) {
        expect(line).toMatch(/apt-get update && apt-get install -y --no-install-recommends/);
        expect(line).toMatch(/rm -rf \/var\/lib\/apt\/lists\/\*/);
      }
      if (/^RUN .*apk add/.test(line)) expect(line).toMatch(/apk add --no-cache/);
      if (/^RUN .*pip (install|wheel)/.test(line)) expect(line).toMatch(/--no-cache-dir/);
      expect(line).not.toMatch(/:latest\b/);
    }
    if (path !== 'Dockerfile') continue;
    const cmd = dockerLogicalLines(lastStageText(text)).filter((l) => l.startsWith('CMD ')).at(-1);
    if (project.app.kind === 'cli') {
      // A command-line program: its command is the entrypoint, the default arguments the CMD, and it starts where files are mounted.
      const entrypoint = dockerLogicalLines(text).filter((l) => l.startsWith('ENTRYPOINT ')).at(-1)!;
      expect(execForm(entrypoint)).toEqual(project.app.command);
      expect(cmd === undefined ? [] : execForm(cmd)).toEqual(project.app.args);
      expect(lastStage.filter((i) => i.keyword === 'WORKDIR').at(-1)?.args).toEqual([project.app.workdir]);
    } else {
      expect(execForm(cmd!)).toEqual(project.app.command);
      expect(ins.some((i) => i.keyword === 'ENTRYPOINT')).toBe(false);
    }
    const expose = ins.filter((i) => i.keyword === 'EXPOSE').map((i) => Number(i.args[0]));
    expect(expose).toEqual(project.app.port === undefined ? [] : [project.app.port]);
    const healthchecks = dockerLogicalLines(text).filter((l) => l.startsWith('HEALTHCHECK ') && l !== 'HEALTHCHECK NONE');
    expect(healthchecks.length).toBe(project.app.healthcheck && (project.app.port !== undefined || project.app.healthcheck.command) ? 1 : 0);
    // An image that cannot probe itself says so, rather than leaving the check out silently.
    const none = dockerLogicalLines(text).includes('HEALTHCHECK NONE');
    expect(none).toBe(project.language === 'go' && project.app.port !== undefined && !project.app.healthcheck);
    if (project.app.healthcheck?.command) expect(execForm(healthchecks[0]!)).toEqual(project.app.healthcheck.command);
  }
}

function checkMakefile(text: string, project: Project): void {
  const targets = makeTargets(text);
  for (const t of ['help', 'install', 'test', 'lint', 'build', 'run', 'push', 'clean']) expect([...targets.keys()]).toContain(t);
  const phony = /^\.PHONY: (.*)$/m.exec(text)![1]!.split(' ');
  expect(new Set(phony)).toEqual(new Set(targets.keys()));
  for (const t of targets.keys()) expect(text, `target ${t} has a ## help comment`).toMatch(new RegExp(`^${t}:.*## \\S`, 'm'));
  for (const line of text.split('\n')) expect(line, 'recipes use tabs').not.toMatch(/^ +(\$\(|docker|rm|find|@)/);
  expect(targets.get('test')!.join('\n')).toContain(project.test.command.slice(1).join(' '));
}

function runMake(text: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-make-'));
  try {
    writeFileSync(join(dir, 'Makefile'), text);
    for (const target of makeTargets(text).keys()) {
      const out = execFileSync('make', ['-n', target], { cwd: dir, encoding: 'utf8' });
      expect(out.length, `make -n ${target}`).toBeGreaterThan(0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function checkTox(text: string, project: Project): void {
  const ini = iniSections(text);
  const envs = ini.get('tox')!.get('envlist')!.split(',').map((s) => s.trim());
  const versions = project.runtime.matrix.map((v) => `py${v.replace('.', '')}`);
  expect(envs).toEqual([...versions, ...(project.test.lint ? ['lint'] : [])]);
  expect(ini.get('tox')!.get('skip_missing_interpreters')).toBe('true');
  expect(ini.get('testenv')!.get('commands')).toBe(`${project.test.command.join(' ')} {posargs}`);
  expect(ini.has('testenv:lint')).toBe(project.test.lint !== undefined);
}

describe.each(goldenCases().map((c) => [c.dir, c] as const))('structure %s', (_dir, c) => {
  const project = caseProject(c);
  test('.gitlab-ci.yml parses and follows the pipeline rules', async () => {
    const files = await generate(project);
    checkPipeline(file(files, '.gitlab-ci.yml'), project, file(files, 'Makefile'));
  });
  test('Dockerfiles parse with the expected stages and instructions', async () => {
    checkDockerfiles(await generate(project), project);
  });
  test('Makefile has every target, phony and documented', async () => {
    checkMakefile(file(await generate(project), 'Makefile'), project);
  });
  test.skipIf(!hasMake)('make -n runs every Makefile target', async () => {
    runMake(file(await generate(project), 'Makefile'));
  });
  test.runIf(project.language === 'python')('tox.ini parses with the matrix as envlist', async () => {
    checkTox(file(await generate(project), 'tox.ini'), project);
  });
  test.runIf(project.language !== 'python')('no tox.ini: the Makefile wraps the language\'s own tools', async () => {
    expect((await generate(project)).map((f) => f.path)).not.toContain('tox.ini');
  });
  test('generating twice gives the same bytes', async () => {
    expect(await generate(project)).toEqual(await generate(caseProject(c)));
  });
});

if (!hasMake) console.warn('make is not installed: the `make -n` checks are skipped');
