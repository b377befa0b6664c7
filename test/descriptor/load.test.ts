import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { InputError, InputErrors } from '../../src/cli/errors.js';
import { formatWarning, loadProject, resolveLintConfig } from '../../src/descriptor/index.js';
import { TODAY } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slipway-load-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function formatThrown(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputErrors) return err.errors.map((e) => e.format());
    if (err instanceof InputError) return [err.format()];
    throw err;
  }
  return [];
}

describe('loadProject', () => {
  test('a missing descriptor says how to create one', () => {
    expect(formatThrown(() => loadProject({ cwd: dir }))).toEqual([
      'slipway.yaml: error: no such file; write a starter descriptor with `slipway init`',
    ]);
  });

  test('a directory in place of the descriptor is refused', () => {
    mkdirSync(join(dir, 'slipway.yaml'));
    expect(formatThrown(() => loadProject({ cwd: dir }))).toEqual(['slipway.yaml: error: is a directory, not a descriptor file']);
  });

  test('errors name the descriptor by its path in the project', () => {
    mkdirSync(join(dir, 'deploy'));
    writeFileSync(join(dir, 'deploy', 'prod.yaml'), 'name: svc\nextends: python-flask\napp:\n  port: web\n');
    expect(formatThrown(() => loadProject({ cwd: dir, file: 'deploy/prod.yaml', today: TODAY }))).toEqual([
      'deploy/prod.yaml:4:9: error: `app.port` must be a whole number; got the text `web`',
    ]);
  });

  test('files the descriptor names but the project lacks are warnings at their keys', () => {
    writeFileSync(join(dir, 'slipway.yaml'), 'name: svc\nextends: python-flask\nimage:\n  copy: [app.py, static/]\n');
    writeFileSync(join(dir, 'requirements.txt'), 'flask\n');
    writeFileSync(join(dir, 'app.py'), '');
    const warnings: string[] = [];
    const p = loadProject({ cwd: dir, today: TODAY, onWarning: (w) => warnings.push(formatWarning(w)) });
    expect(p.descriptorPath).toBe('slipway.yaml');
    expect(warnings).toEqual([
      'slipway.yaml:4:18: warning: `image.copy[1]` names `static/`, which is not in the project',
      'presets/python-flask.yaml:6:20: warning: `python.devRequirements` names `requirements-dev.txt`, which is not in the project',
    ]);
  });
});

describe('resolveLintConfig (.slipway.yaml)', () => {
  test('accepts the lint keys at the top level', () => {
    expect(resolveLintConfig('failureThreshold: error\nrules:\n  DL3008: off\n', '.slipway.yaml')).toEqual({
      failureThreshold: 'error',
      rules: { DL3008: 'off' },
    });
    expect(resolveLintConfig('', '.slipway.yaml')).toEqual({});
  });

  test('reports bad keys with positions', () => {
    expect(formatThrown(() => resolveLintConfig('failureTreshold: error\nignore:\n  - rules: [DL3008]\n', '.slipway.yaml'))).toEqual([
      '.slipway.yaml:1:1: error: unknown key `failureTreshold`; did you mean `failureThreshold`?',
      '.slipway.yaml:3:5: error: missing required key `paths` in `ignore[0]` (paths the entry applies to (gitignore-style globs such as `legacy/**`))',
    ]);
  });
});
