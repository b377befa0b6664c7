import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '..', 'cli.js');

test('prints the lines of each file and the total, from the working directory', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'count-lines-'));
  await writeFile(join(dir, 'a.txt'), 'one\ntwo\n');
  await writeFile(join(dir, 'b.txt'), 'three');
  const { stdout } = await run('node', [CLI, 'a.txt', 'b.txt'], { cwd: dir });
  assert.equal(stdout, '       2 a.txt\n       1 b.txt\n       3 total\n');
});

test('a missing file fails with status 1 and says which', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'count-lines-'));
  await assert.rejects(run('node', [CLI, 'missing.txt'], { cwd: dir }), (error) => {
    assert.equal(error.code, 1);
    assert.match(error.stderr, /missing\.txt: no such file/);
    return true;
  });
});

test('without arguments it prints the usage and exits with status 2', async () => {
  await assert.rejects(run('node', [CLI]), (error) => error.code === 2 && /usage: count-lines/.test(error.stderr));
});
