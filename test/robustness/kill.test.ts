/**
 * A `generate` process killed with SIGKILL at a random moment leaves every target file either
 * as it was or complete with the new content, never partial. Runs the built CLI (dist/).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cleanTempDirs, cli, FUZZ_TIMEOUT, runs, tempDir } from './helpers.js';

afterAll(cleanTempDirs);

const MAIN = resolve('dist/cli/main.js');
const FILES = ['Dockerfile', '.gitlab-ci.yml', 'Makefile', 'tox.ini', '.dockerignore'];

function withPort(dir: string, port: number): void {
  const base = readFileSync('examples/python-tornado/slipway.yaml', 'utf8');
  writeFileSync(join(dir, 'slipway.yaml'), `${base}app:\n  port: ${port}\n`);
}

async function project(port: number): Promise<{ dir: string; files: Map<string, string> }> {
  const dir = tempDir();
  cpSync('examples/python-tornado', dir, { recursive: true });
  withPort(dir, port);
  const r = await cli(['generate', '--cwd', dir]);
  expect(r.status, r.stderr).toBe(0);
  return { dir, files: new Map(FILES.map((f) => [f, readFileSync(join(dir, f), 'utf8')])) };
}

function runAndKill(dir: string, delayMs: number): Promise<void> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [MAIN, 'generate', '--cwd', dir], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('exit', () => {
      clearTimeout(timer);
      done();
    });
  });
}

describe.runIf(existsSync(MAIN))('kill during generate', () => {
  test(
    'every target is the old or the complete new content',
    async () => {
      const oldP = await project(8001);
      const newP = await project(8002);
      const n = runs(6);
      for (let i = 0; i < n; i++) {
        const work = tempDir();
        cpSync(oldP.dir, work, { recursive: true });
        withPort(work, 8002);
        const delay = Math.floor(Math.random() * 2500);
        await runAndKill(work, delay);
        for (const f of FILES) {
          const now = readFileSync(join(work, f), 'utf8');
          expect([oldP.files.get(f), newP.files.get(f)], `${f} after kill at ${delay} ms`).toContain(now);
        }
        // Temporary files may stay behind after SIGKILL, but never under a target's name.
        expect(readdirSync(work).filter((e) => FILES.includes(e)).sort()).toEqual([...FILES].sort());
      }
    },
    FUZZ_TIMEOUT,
  );
});
