/**
 * Nothing lost: atomic writes under injected faults, refused targets (read-only file, directory,
 * symlink out of the project, `..` paths), and edited generated files kept without --force.
 */
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writeGenerated } from '../../src/generate/index.js';
import { cleanTempDirs, cli, expectClean, tempDir } from './helpers.js';

afterAll(cleanTempDirs);

function project(): string {
  const dir = tempDir();
  cpSync('examples/python-tornado', dir, { recursive: true });
  return dir;
}

describe('atomic writes', () => {
  test('a fault between write and rename leaves the old file and no temporary file', () => {
    const root = tempDir();
    writeFileSync(join(root, 'a.txt'), 'old\n');
    expect(() =>
      writeGenerated([{ path: 'a.txt', content: 'new\n' } as never], {
        root,
        force: true,
        beforeRename: () => {
          throw new Error('injected fault');
        },
      }),
    ).toThrow();
    expect(readFileSync(join(root, 'a.txt'), 'utf8')).toBe('old\n');
    expect(readdirSync(root)).toEqual(['a.txt']);
  });
});

describe('refused targets', () => {
  test('a symlink pointing outside the project is not written through', async () => {
    const dir = project();
    const outside = tempDir();
    writeFileSync(join(outside, 'victim'), 'keep\n');
    symlinkSync(join(outside, 'victim'), join(dir, 'Dockerfile'));
    const r = await cli(['generate', '--cwd', dir, '--force']);
    expectClean(r, 'symlink');
    expect(readFileSync(join(outside, 'victim'), 'utf8')).toBe('keep\n');
  });

  test('a directory where a file should be is refused with a message', async () => {
    const dir = project();
    mkdirSync(join(dir, 'Makefile'));
    const r = await cli(['generate', '--cwd', dir]);
    expectClean(r, 'directory');
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/Makefile/);
  });

  // The mode bits decide, not the permission check of the system call: root may write anything,
  // and renaming over a 0444 file needs only a writable directory. So these run as root too.
  test('a read-only generated file that would change is refused, named with what to do, and kept', async () => {
    const dir = project();
    expect((await cli(['generate', '--cwd', dir])).status).toBe(0);
    const yaml = readFileSync(join(dir, 'slipway.yaml'), 'utf8');
    writeFileSync(join(dir, 'slipway.yaml'), yaml.replace('APP_ENV: production', 'APP_ENV: staging'));
    const before = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    const ciBefore = readFileSync(join(dir, '.gitlab-ci.yml'), 'utf8');
    chmodSync(join(dir, 'Dockerfile'), 0o444);
    const r = await cli(['generate', '--cwd', dir]);
    expectClean(r, 'read-only');
    expect(r.status).toBe(1);
    const line = r.stdout.split('\n').find((l) => l.includes('Dockerfile'));
    expect(line).toMatch(/^refused\s+Dockerfile \(read-only .*chmod u\+w Dockerfile.*--force\)$/);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(before);
    // All or nothing: the writable files are not written either.
    expect(readFileSync(join(dir, '.gitlab-ci.yml'), 'utf8')).toBe(ciBefore);
    // --force writes it, and the file keeps its mode.
    expect((await cli(['generate', '--cwd', dir, '--force'])).status).toBe(0);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('staging');
    expect(statSync(join(dir, 'Dockerfile')).mode & 0o777).toBe(0o444);
  });

  test('a read-only generated file that is current is left alone without complaint', async () => {
    const dir = project();
    expect((await cli(['generate', '--cwd', dir])).status).toBe(0);
    chmodSync(join(dir, 'Makefile'), 0o444);
    const r = await cli(['generate', '--cwd', dir]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  test('lint --fix refuses a read-only file with one line naming it, and writes nothing', async () => {
    const dir = tempDir();
    const text = 'FROM debian:12\nRUN apt-get install curl\n';
    writeFileSync(join(dir, 'Dockerfile'), text);
    writeFileSync(join(dir, 'other.Dockerfile'), text);
    chmodSync(join(dir, 'Dockerfile'), 0o444);
    const dry = await cli(['lint', '--cwd', dir, '--fix-dry-run', 'Dockerfile']);
    expect(dry.stdout, 'not vacuous: the file has a fix to apply').toMatch(/^\+RUN apt-get install -y/m);
    const r = await cli(['lint', '--cwd', dir, '--fix', 'Dockerfile', 'other.Dockerfile']);
    expectClean(r, 'fix read-only');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/Dockerfile is read-only .*chmod u\+w Dockerfile/);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(text);
    expect(readFileSync(join(dir, 'other.Dockerfile'), 'utf8')).toBe(text);
  });

  test('`..` in descriptor paths writes nothing outside the root', async () => {
    const parent = tempDir();
    const dir = join(parent, 'proj');
    cpSync('examples/python-tornado', dir, { recursive: true });
    const before = readdirSync(parent).sort();
    for (const extra of ['extends: ../../evil', 'ci:\n  paths: ["../outside"]', 'docker:\n  context: ../..']) {
      writeFileSync(join(dir, 'slipway.yaml'), `${readFileSync('examples/python-tornado/slipway.yaml', 'utf8').replace(/^extends:.*$/m, '')}\n${extra}\n`);
      const r = await cli(['generate', '--cwd', dir, '--out', '.']);
      expectClean(r, extra);
      expect(readdirSync(parent).sort()).toEqual(before);
    }
    const r = await cli(['generate', '--cwd', dir, '--file', '../../etc/passwd']);
    expectClean(r, '--file ..');
    expect(r.status).toBe(2);
  });

  test('an edited generated file is kept without --force and replaced with it', async () => {
    const dir = project();
    expect((await cli(['generate', '--cwd', dir])).status).toBe(0);
    const edited = readFileSync(join(dir, 'Makefile'), 'utf8') + '\nlocal:\n\techo mine\n';
    writeFileSync(join(dir, 'Makefile'), edited);
    const r = await cli(['generate', '--cwd', dir]);
    expectClean(r, 'edited');
    expect(r.status).toBe(1);
    expect(readFileSync(join(dir, 'Makefile'), 'utf8')).toBe(edited);
    expect((await cli(['generate', '--cwd', dir, '--force'])).status).toBe(0);
    expect(readFileSync(join(dir, 'Makefile'), 'utf8')).not.toBe(edited);
    rmSync(dir, { recursive: true, force: true });
    expect(existsSync(dir)).toBe(false);
  });
});
