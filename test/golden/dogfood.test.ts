/**
 * slipway's own delivery files (Dockerfile, .dockerignore, .gitlab-ci.yml, Makefile at the
 * repository root) are generated from its own slipway.yaml: a template change must come with them
 * regenerated. `UPDATE_GOLDEN=1 npx vitest run test/golden` rewrites them with the golden files.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadProject } from '../../src/descriptor/index.js';
import { generate, planWrite, possibleOutputs, writeGenerated } from '../../src/generate/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe("slipway's own generated files", () => {
  test('are current with the root slipway.yaml', async () => {
    const project = loadProject({ cwd: ROOT });
    const files = await generate(project);
    const obsolete = possibleOutputs(project.language).filter((p) => !files.some((f) => f.path === p));
    if (process.env.UPDATE_GOLDEN === '1') writeGenerated(files, { root: ROOT, obsolete });
    const plan = planWrite(files, { root: ROOT, obsolete });
    expect(plan.map((f) => `${f.path}: ${f.state}`)).toEqual(files.map((f) => `${f.path}: current`));
  });
});
