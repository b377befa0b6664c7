/**
 * Editors: `slipway init` starts slipway.yaml with a `# yaml-language-server: $schema=` line whose
 * URL names a file the npm package publishes, and that file is what `slipway schema` prints
 * (so the published schema is never stale), for the descriptor and the lint configuration.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { captureIo } from '../helpers/io.js';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; files: string[] };

describe('editor integration', () => {
  test('slipway init references the published schema', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-editors-'));
    try {
      const io = captureIo();
      expect(await runCli(['init', '--cwd', dir, '--yes', '--dry-run'], io)).toBe(0);
      const first = io.stdout.split('\n')[0]!;
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, first).not.toBeNull();
      const inPackage = new RegExp(`/${pkg.name}(?:@[^/]+)?/(.+)$`).exec(m![1]!)?.[1];
      expect(inPackage, m![1]).toBe('schema/slipway.schema.json');
      expect(pkg.files.some((f) => inPackage!.startsWith(f.replace(/^\.\//, '')))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each([
    [[] as string[], 'schema/slipway.schema.json'],
    [['--lint'], 'schema/slipway-lint.schema.json'],
  ])('slipway schema %j is the published %s', async (flags, file) => {
    const io = captureIo();
    expect(await runCli(['schema', ...flags], io)).toBe(0);
    expect(JSON.parse(io.stdout)).toEqual(JSON.parse(readFileSync(join(root, file), 'utf8')));
  });
});
