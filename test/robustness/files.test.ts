/**
 * Nothing lost: atomic writes under injected faults, refused targets (read-only file, directory,
 * symlink out of the project, `..` paths), and edited generated files kept without --force.
 */
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

  test.skipIf(process.getuid?.() === 0)('a read-only target is not silently replaced', async () => {
    const dir = project();
    writeFileSync(join(dir, 'tox.ini'), '[tox]\n');
    chmodSync(join(dir, 'tox.ini'), 0o444);
    const r = await cli(['generate', '--cwd', dir]);
    expectClean(r, 'read-only');
    expect(r.status).not.toBe(0);
    expect(readFileSync(join(dir, 'tox.ini'), 'utf8')).toBe('[tox]\n');
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
