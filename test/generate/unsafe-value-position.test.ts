/**
 * A value the generator's last checks refuse is reported like any other descriptor error: one line
 * with the descriptor's file:line:column, exit status 2, nothing written.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { parseDescriptorPath } from '../../src/descriptor/locate-value.js';
import { captureIo } from '../helpers/io.js';

const HEAD = 'name: svc\nextends: python-flask\npython:\n  requirements: false\n  devRequirements: false\n';

async function generateIn(descriptor: string) {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-unsafe-'));
  writeFileSync(join(dir, 'slipway.yaml'), descriptor);
  const io = captureIo();
  const status = await runCli(['generate', '--cwd', dir], io);
  return { status, errors: io.stderr.split('\n').filter((l) => l.includes('error:')), files: readdirSync(dir) };
}

describe('values the generator refuses', () => {
  test('a path value: at the value the descriptor path names', async () => {
    const r = await generateIn(`${HEAD}image:\n  copy: ["app.py", "a b"]\n`);
    expect(r.status).toBe(2);
    expect(r.errors).toEqual(['slipway.yaml:7:20: error: image.copy[1] "a b" must be a relative path made of letters, digits and . _ @ + - /']);
    expect(r.files).toEqual(['slipway.yaml']);
  });

  test('a value named by what it is: at the scalar with that value', async () => {
    const r = await generateIn(`${HEAD}app:\n  command: ["gunicorn", "a\\u0007b"]\n`);
    expect(r.status).toBe(2);
    expect(r.errors).toEqual(['slipway.yaml:7:25: error: a command "a\\u0007b" contains a control character']);
    expect(r.files).toEqual(['slipway.yaml']);
  });

  test('descriptor paths are read, prose is not', () => {
    expect(parseDescriptorPath('image.copy[12]')).toEqual(['image', 'copy', 12]);
    expect(parseDescriptorPath('deploy.compose.file')).toEqual(['deploy', 'compose', 'file']);
    expect(parseDescriptorPath('a command')).toBeUndefined();
    expect(parseDescriptorPath('image.copy[')).toBeUndefined();
  });
});
