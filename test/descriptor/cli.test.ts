import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { captureIo } from '../helpers/io.js';

function repoWith(descriptor: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-cli-'));
  writeFileSync(join(dir, 'slipway.yaml'), descriptor);
  return dir;
}

describe('a bad slipway.yaml on the command line', () => {
  test.each([
    ['a misspelled key', 'name: svc\nextends: python-flask\napp:\n  prot: 80\n', ['slipway.yaml:4:3: error: unknown key `prot` in `app`; did you mean `port`?']],
    ['broken YAML', 'name: svc\nextends: [python-flask\n', ['slipway.yaml:3:1: error: invalid YAML: flow sequence in block collection must be sufficiently indented and end with a ]']],
    [
      'several problems',
      'name: Svc\nextends: python-flask\nimage:\n  variant: debian\n',
      [
        'slipway.yaml:1:7: error: `name` must start with a lower-case letter and contain only lower-case letters, digits and -; got `Svc`',
        'slipway.yaml:4:12: error: `image.variant` must be one of slim, alpine; got `debian`',
      ],
    ],
  ])('%s: generate exits 2 with one line per error, no stack trace, nothing written', async (_name, descriptor, lines) => {
    const dir = repoWith(descriptor);
    const io = captureIo();
    expect(await runCli(['generate', '--cwd', dir], io)).toBe(2);
    expect(io.stderr).toBe(lines.map((l) => `${l}\n`).join(''));
    expect(io.stdout).toBe('');
    expect(readdirSync(dir)).toEqual(['slipway.yaml']);
  });

  test('a secret is refused before anything is generated', async () => {
    const dir = repoWith('name: svc\nextends: python-flask\nimage:\n  env:\n    DB_PASSWORD: hunter2\n');
    const io = captureIo();
    expect(await runCli(['generate', '--cwd', dir], io)).toBe(2);
    expect(io.stderr).toBe(
      'slipway.yaml:5:18: error: `image.env.DB_PASSWORD` looks like a secret; secrets must not be baked into the image or written in slipway.yaml: keep it in a masked CI/CD variable and pass it to the container at run time\n',
    );
    expect(readdirSync(dir)).toEqual(['slipway.yaml']);
  });

  test('slipway lint reports the same error as a parse error (exit 2)', async () => {
    const dir = repoWith('name: svc\nextends: python-flask\napp:\n  prot: 80\n');
    const io = captureIo();
    expect(await runCli(['lint', '--format', 'json', join(dir, 'slipway.yaml')], io)).toBe(2);
    const findings = JSON.parse(io.stdout) as { line: number; column: number; ruleId: string; message: string }[];
    expect(findings.map((f) => [f.line, f.column, f.ruleId, f.message])).toEqual([
      [4, 3, 'parse-error', 'unknown key `prot` in `app`; did you mean `port`?'],
    ]);
  });
});
