/**
 * The npm package as users get it: `npm pack` holds only what slipway needs at run time (the
 * `files` field), and the tarball installed into an empty directory — dependencies from the npm
 * cache that `npm ci` filled, no network — runs `npx slipway --version`, lints a Dockerfile and
 * serves the library entry. Packs the dist/ already built (`--ignore-scripts`: no second build).
 * Skipped with a message when npm or dist/ is missing.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const hasNpm = spawnSync(npm, ['--version'], { encoding: 'utf8' }).status === 0;
const built = existsSync(join(root, 'dist/cli/main.js'));
if (!hasNpm || !built) console.log(`skipped: the npm pack test needs ${hasNpm ? 'a built dist/ (npx tsc -p tsconfig.build.json)' : 'npm'}`);

const STEP_MS = 240_000;
const run = (cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> =>
  spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: STEP_MS, env: { ...process.env, npm_config_update_notifier: 'false', NO_COLOR: '1' } });
const show = (r: SpawnSyncReturns<string>) => `status ${r.status}${r.error ? ` (${r.error.message})` : ''}\n${r.stdout}\n${r.stderr}`;

describe.skipIf(!hasNpm || !built)('npm package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-pack-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let tarball = '';

  test('npm pack holds only the run-time files', { timeout: STEP_MS }, () => {
    const pack = run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], root);
    expect(pack.status, show(pack)).toBe(0);
    const [info] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    tarball = join(dir, info!.filename);
    const paths = info!.files.map((f) => f.path);
    const allowed = /^(dist\/|templates\/|presets\/|schema\/|README\.md$|package\.json$|LICEN[CS]E)/;
    expect(paths.filter((p) => !allowed.test(p))).toEqual([]);
    expect(paths.filter((p) => /\.test\.|(^|\/)test\//.test(p))).toEqual([]);
    for (const needed of ['dist/cli/main.js', 'dist/index.js', 'dist/index.d.ts', 'schema/slipway.schema.json', 'README.md']) expect(paths).toContain(needed);
    expect(paths.some((p) => p.startsWith('templates/'))).toBe(true);
    expect(paths.some((p) => p.startsWith('presets/'))).toBe(true);
  });

  test('installed in an empty directory, npx slipway works', { timeout: 4 * STEP_MS }, () => {
    expect(existsSync(tarball)).toBe(true);
    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true,"type":"module"}\n');
    let install = run(npm, ['install', '--offline', '--no-audit', '--no-fund', tarball], app);
    if (install.status !== 0) install = run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], app);
    expect(install.status, show(install)).toBe(0);
    expect(readdirSync(join(app, 'node_modules'))).toContain('slipway');

    const version = run('npx', ['--no-install', 'slipway', '--version'], app);
    expect(version.status, show(version)).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);

    writeFileSync(join(app, 'Dockerfile'), 'FROM debian:12.8\nMAINTAINER me\n');
    const lint = run('npx', ['--no-install', 'slipway', 'lint', 'Dockerfile', '--format', 'json'], app);
    expect(lint.stdout, show(lint)).toContain('dockerfile/maintainer-deprecated');

    writeFileSync(join(app, 'use.mjs'), "import { lintText, formatters } from 'slipway';\nconst f = await lintText('FROM debian:12.8\\nMAINTAINER me\\n', { kind: 'dockerfile' });\nconsole.log(typeof formatters.json, f.some((x) => x.ruleId === 'dockerfile/maintainer-deprecated'));\n");
    const lib = run(process.execPath, ['use.mjs'], app);
    expect(lib.stdout.trim(), show(lib)).toBe('function true');
  });
});
