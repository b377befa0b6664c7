/**
 * The published pre-commit hooks (.pre-commit-hooks.yaml): the manifest passes
 * `pre-commit validate-manifest`, its `files` patterns match the kinds slipway lints, and the
 * hooks work under Debian's `pre-commit` in a temporary git repository. `language: node` would
 * npm-install slipway from the network, so the run uses `repo: local` hooks with
 * `language: system` that copy the published hooks' entries (slipway → the built CLI), files and
 * pass_filenames. Skipped when pre-commit, git or dist/ are missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli/main.js');
const has = (cmd: string) => spawnSync(cmd, ['--version'], { encoding: 'utf8' }).status === 0;
const ready = has('pre-commit') && has('git') && existsSync(cli);
if (!ready) console.log('skipped: the pre-commit tests need pre-commit, git and a built dist/ (npx tsc -p tsconfig.build.json)');

interface Hook {
  id: string;
  entry: string;
  files?: string;
  language: string;
  pass_filenames?: boolean;
}
const manifest = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

describe('pre-commit hooks manifest', () => {
  test('publishes slipway-lint and slipway-check as node hooks', () => {
    const byId = Object.fromEntries(manifest.map((h) => [h.id, h]));
    expect(byId['slipway-lint']).toMatchObject({ entry: 'slipway lint', language: 'node' });
    expect(byId['slipway-check']).toMatchObject({ entry: 'slipway generate --check', language: 'node', pass_filenames: false });
  });

  test('slipway-lint matches the files slipway lints, and only those', () => {
    const files = new RegExp(manifest.find((h) => h.id === 'slipway-lint')!.files!);
    const yes = ['Dockerfile', 'docker/Dockerfile', 'Dockerfile.dev', 'api.Dockerfile', 'Containerfile', '.gitlab-ci.yml', 'ci/build.gitlab-ci.yml', 'Makefile', 'sub/Makefile', 'tox.ini', 'slipway.yaml'];
    const no = ['README.md', 'Dockerfile/notes.txt', 'src/Makefile.am', 'gitlab-ci.yml.bak', 'mytox.ini', 'package.json'];
    expect(yes.filter((f) => !files.test(f))).toEqual([]);
    expect(no.filter((f) => files.test(f))).toEqual([]);
  });

  test.skipIf(!has('pre-commit'))('pre-commit validate-manifest accepts it', () => {
    const run = spawnSync('pre-commit', ['validate-manifest', join(root, '.pre-commit-hooks.yaml')], { encoding: 'utf8' });
    expect(run.stderr + run.stdout).toBe('');
    expect(run.status).toBe(0);
  });
});

describe.skipIf(!ready)('pre-commit run in a temporary repository', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-pre-commit-'));
  const env = { ...process.env, PRE_COMMIT_HOME: join(dir, '.cache'), GIT_CONFIG_NOSYSTEM: '1', HOME: dir, NO_COLOR: '1', SKIP: '' };
  const sh = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: join(dir, 'repo'), env, encoding: 'utf8', timeout: 120_000 });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('setup', () => {
    spawnSync('git', ['init', '-q', join(dir, 'repo')], { env });
    const hooks = manifest.map((h) => ({
      id: h.id,
      name: h.id,
      entry: h.entry.replace(/^slipway\b/, `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)}`),
      language: 'system',
      ...(h.files ? { files: h.files } : {}),
      ...(h.pass_filenames === undefined ? {} : { pass_filenames: h.pass_filenames }),
    }));
    writeFileSync(join(dir, 'repo/.pre-commit-config.yaml'), stringify({ repos: [{ repo: 'local', hooks }] }));
    expect(sh('pre-commit', ['validate-config']).status).toBe(0);
  });

  test('slipway-lint fails on a bad Dockerfile, passes once fixed, and is not given other files', { timeout: 180_000 }, () => {
    writeFileSync(join(dir, 'repo/Dockerfile'), 'FROM debian:12.8\nMAINTAINER me\nRUN apt-get install curl\n');
    writeFileSync(join(dir, 'repo/notes.md'), '# not linted\n');
    sh('git', ['add', '.']);
    const bad = sh('pre-commit', ['run', 'slipway-lint', '--all-files', '--verbose']);
    expect(bad.status, bad.stdout + bad.stderr).toBe(1);
    expect(bad.stdout).toContain('dockerfile/maintainer-deprecated');
    expect(bad.stdout).not.toContain('notes.md');

    writeFileSync(join(dir, 'repo/Dockerfile'), 'FROM debian:12.8\nLABEL org.opencontainers.image.authors="me"\nUSER 1000\n');
    sh('git', ['add', '.']);
    const good = sh('pre-commit', ['run', 'slipway-lint', '--all-files']);
    expect(good.status, good.stdout + good.stderr).toBe(0);
  });

  test('slipway-check passes on freshly generated files and fails once one is edited', { timeout: 180_000 }, () => {
    writeFileSync(join(dir, 'repo/slipway.yaml'), 'name: demo\nextends: python-tornado\n');
    rmSync(join(dir, 'repo/Dockerfile'));
    const gen = sh(process.execPath, [cli, 'generate']);
    expect(gen.status, gen.stdout + gen.stderr).toBe(0);
    sh('git', ['add', '.']);
    const fresh = sh('pre-commit', ['run', 'slipway-check', '--all-files']);
    expect(fresh.status, fresh.stdout + fresh.stderr).toBe(0);

    writeFileSync(join(dir, 'repo/Makefile'), readFileSync(join(dir, 'repo/Makefile'), 'utf8') + '\nextra:\n\ttrue\n');
    sh('git', ['add', '.']);
    const drifted = sh('pre-commit', ['run', 'slipway-check', '--all-files']);
    expect(drifted.status, drifted.stdout + drifted.stderr).toBe(1);
  });
});
