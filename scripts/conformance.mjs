#!/usr/bin/env node
/**
 * Runs every conformance script in scripts/conformance/ (each a standalone `node` program that
 * checks slipway against data in ../shared and skips when it is absent), after building dist/.
 * Exit status 1 when any script fails. `node scripts/conformance.mjs NAME…` runs only the scripts
 * whose file name contains one of the NAMEs; `--no-build` uses dist/ as it is.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const names = args.filter((a) => a !== '--no-build');

if (build) {
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (tsc.status !== 0) {
    console.error('conformance: the build failed');
    process.exit(1);
  }
}

const dir = join(root, 'scripts/conformance');
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs'))
  .filter((f) => names.length === 0 || names.some((n) => f.includes(n)))
  .sort();
const failed = [];
for (const script of scripts) {
  console.log(`\n=== ${script}`);
  const run = spawnSync(process.execPath, [join(dir, script)], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed.push(`${script} (exit ${run.status ?? run.signal})`);
}
console.log(`\nconformance: ${scripts.length - failed.length}/${scripts.length} scripts passed${failed.length ? `; failed: ${failed.join(', ')}` : ''}`);
process.exit(failed.length === 0 ? 0 : 1);
