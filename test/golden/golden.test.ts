/**
 * Golden files: regenerates every case and compares byte for byte with test/golden/<case>/.
 * `UPDATE_GOLDEN=1 npx vitest run test/golden` rewrites them; review the diff before committing.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generate } from '../../src/generate/index.js';
import { caseProject, GOLDEN_ROOT, goldenCases } from './cases.js';

const update = process.env.UPDATE_GOLDEN === '1';

describe.each(goldenCases().map((c) => [c.dir, c] as const))('golden %s', (dir, c) => {
  test('generated files equal the golden files', async () => {
    const files = await generate(caseProject(c));
    const target = join(GOLDEN_ROOT, dir);
    if (update) {
      rmSync(target, { recursive: true, force: true });
      mkdirSync(target, { recursive: true });
      for (const f of files) writeFileSync(join(target, f.path), f.content);
    }
    expect(existsSync(target), `${target} missing: run UPDATE_GOLDEN=1`).toBe(true);
    expect(readdirSync(target).sort()).toEqual(files.map((f) => f.path).sort());
    for (const f of files) expect(f.content, f.path).toBe(readFileSync(join(target, f.path), 'utf8'));
  });
});
