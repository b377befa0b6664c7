import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listPresets, loadProject, resolveDescriptor } from '../../src/descriptor/index.js';
import type { InputError } from '../../src/cli/errors.js';
import { packageRoot } from '../../src/util/package-root.js';
import { pythonOf, TODAY } from './helpers.js';

const examplesDir = join(packageRoot(), 'examples');

describe('bundled presets', () => {
  test('are the three Python services', () => {
    expect(listPresets()).toEqual(['python-fastapi', 'python-flask', 'python-tornado']);
  });

  test.each([
    ['python-tornado', ['python', 'app.py'], 8888],
    ['python-flask', ['gunicorn', '--bind', '0.0.0.0:8000', '--workers', '2', '--access-logfile', '-', 'app:app'], 8000],
    ['python-fastapi', ['uvicorn', 'main:app', '--host', '0.0.0.0', '--port', '8000'], 8000],
  ])('%s resolves with nothing but a name', (preset, command, port) => {
    const p = resolveDescriptor(`name: svc\nextends: ${preset}\n`, 'slipway.yaml', { today: TODAY });
    expect(p.preset).toBe(preset);
    expect(p.app.command).toEqual(command);
    expect(p.app.port).toBe(port);
    expect(p.app.healthcheck?.path).toBe('/health');
    expect(pythonOf(p)).toEqual({ requirements: 'requirements.txt', devRequirements: 'requirements-dev.txt' });
    expect(p.test).toEqual({ command: ['python', '-m', 'pytest'], lint: ['python', '-m', 'flake8'] });
    // The command binds every interface, or the port would be unreachable from outside the container.
    if (preset !== 'python-tornado') expect(command.join(' ')).toContain('0.0.0.0');
  });
});

describe('example projects', () => {
  const examples = readdirSync(examplesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

  test('there is one per preset', () => {
    expect(examples.sort()).toEqual(listPresets());
  });

  test.each(listPresets())('%s loads without errors or warnings and extends its preset', (name) => {
    const warnings: InputError[] = [];
    const p = loadProject({ cwd: join(examplesDir, name), today: TODAY, onWarning: (w) => warnings.push(w) });
    expect(warnings.map((w) => w.format())).toEqual([]);
    expect(p.preset).toBe(name);
    expect(p.descriptorPath).toBe('slipway.yaml');
    const text = readFileSync(join(examplesDir, name, 'slipway.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/slipway.schema.json');
  });

  test.each(listPresets())('%s serves the health check path its preset probes', (name) => {
    const p = loadProject({ cwd: join(examplesDir, name), today: TODAY });
    const module = p.app.command.find((a) => /\.py$|^[a-z_]+:[a-z_]+$/.test(a))!;
    const source = readFileSync(join(examplesDir, name, module.endsWith('.py') ? module : `${module.split(':')[0]}.py`), 'utf8');
    expect(source).toContain(`"${p.app.healthcheck!.path!}"`);
  });
});

/** A Python 3 that has the example's dependencies (e.g. from Debian's python3-* packages), if any. */
function pythonWith(modules: string[]): string | undefined {
  const candidates = [process.env.SLIPWAY_PYTHON, 'python3'].filter((c): c is string => !!c);
  // pyenv's shim hides the system interpreter's packages; ask for the system one as well.
  const envs = [process.env, { ...process.env, PYENV_VERSION: 'system' }];
  for (const python of candidates) {
    for (const env of envs) {
      const r = spawnSync(python, ['-c', `import ${modules.join(', ')}`], { env, encoding: 'utf8' });
      if (r.status === 0) return python + (env === process.env ? '' : '\0system');
    }
  }
  return undefined;
}

describe.each([
  ['python-tornado', ['tornado', 'pytest']],
  ['python-flask', ['flask', 'pytest']],
  ['python-fastapi', ['fastapi', 'httpx', 'pytest']],
])('the %s example test suite', (name, modules) => {
  const python = pythonWith(modules);
  test.skipIf(!python)('passes with python -m pytest', () => {
    const [exe, system] = python!.split('\0');
    const r = spawnSync(exe!, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], {
      cwd: join(examplesDir, name),
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...(system ? { PYENV_VERSION: 'system' } : {}) },
      encoding: 'utf8',
    });
    expect(r.stdout).toMatch(/\b3 passed\b/);
    expect(r.status).toBe(0);
  });
});
