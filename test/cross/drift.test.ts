import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/descriptor/index.js';
import { generate, writeGenerated } from '../../src/generate/index.js';
import { lint } from '../../src/lint/index.js';
import { tmpRepo } from '../engine/tmp-repo.js';
import { lintDir, show } from './helpers.js';

const RULE = 'project/generated-file-drift';
const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

/** A copy of an example with its files generated into it, as a user's repository looks. */
async function generatedCopy(example: string): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), `slipway-cross-${example}-`));
  made.push(root);
  cpSync(join(EXAMPLES, example), root, { recursive: true });
  const project = loadProject({ cwd: root });
  writeGenerated(await generate(project), { root });
  return root;
}

const examples = readdirSync(EXAMPLES).filter((e) => existsSync(join(EXAMPLES, e, 'slipway.yaml')));

describe('every example, generated, lints clean of cross-file findings', () => {
  it.each(examples)('%s, generated into a copy of the example', async (example) => {
    const root = await generatedCopy(example);
    expect((await lintDir(root)).map((f) => `${f.ruleId} ${show(f)}`)).toEqual([]);
  });

  it.each(examples)('%s, generated alone into an output directory', async (example) => {
    const out = mkdtempSync(join(tmpdir(), `slipway-cross-out-${example}-`));
    made.push(out);
    const project = loadProject({ cwd: join(EXAMPLES, example) });
    writeGenerated(await generate(project), { root: out });
    expect((await lintDir(out)).map((f) => `${f.ruleId} ${show(f)}`)).toEqual([]);
  });
});

describe('project/generated-file-drift on disk', () => {
  it('agrees with generate --check: stale, edited, foreign and missing files, one finding each at line 1', async () => {
    const root = await generatedCopy('python-flask');
    // slipway.yaml changes the image's Python: the Dockerfile and the CI are now stale.
    const descriptor = join(root, 'slipway.yaml');
    writeFileSync(descriptor, readFileSync(descriptor, 'utf8').replace('runtime:\n', 'runtime:\n  version: "3.12"\n'));
    writeFileSync(join(root, 'Makefile'), `${readFileSync(join(root, 'Makefile'), 'utf8')}\nextra:\n\techo\n`);
    writeFileSync(join(root, 'tox.ini'), '[tox]\nenvlist = py312\n');
    rmSync(join(root, '.dockerignore'));
    const found = (await lintDir(root)).filter((f) => f.ruleId === RULE);
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.message.split(':')[0]}`).sort()).toEqual([
      '.gitlab-ci.yml:1:1 .gitlab-ci.yml is stale',
      'Dockerfile:1:1 Dockerfile is stale',
      'Makefile:1:1 Makefile was edited by hand since slipway generated it',
      'slipway.yaml:1:1 .dockerignore is missing',
      'tox.ini:1:1 tox.ini was not written by slipway, but slipway.yaml generates it',
    ]);
  });

  it('reports a file slipway no longer generates, and checks only the linted files when slipway.yaml is not linted', async () => {
    const root = await generatedCopy('python-flask');
    const base = readFileSync(join(root, 'Dockerfile'), 'utf8');
    writeFileSync(join(root, 'Dockerfile.base'), base.replace('FROM', 'FROM'));
    const all = (await lintDir(root)).filter((f) => f.ruleId === RULE).map(show);
    expect(all).toEqual(['Dockerfile.base:1:1-29 Dockerfile.base is no longer generated from slipway.yaml; run `slipway generate` to delete it']);
    rmSync(join(root, 'Makefile'));
    writeFileSync(join(root, 'tox.ini'), '[tox]\n');
    const onlyDockerfile = await lint(['Dockerfile'], { cwd: root, noConfig: true });
    expect(onlyDockerfile.findings.filter((f) => f.ruleId === RULE)).toEqual([]);
  });

  it('does nothing without slipway.yaml at the lint root', async () => {
    const root = tmpRepo({ 'app/slipway.yaml': 'name: app\nextends: python-flask\n', Makefile: 'all:\n\ttrue\n' });
    expect((await lintDir(root)).filter((f) => f.ruleId === RULE)).toEqual([]);
  });
});
