import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, test } from 'vitest';
import { listPresets, loadProject, resolveDescriptor } from '../../src/descriptor/index.js';
import type { InputError } from '../../src/cli/errors.js';
import { packageRoot } from '../../src/util/package-root.js';
import { pythonOf, TODAY } from './helpers.js';

const examplesDir = join(packageRoot(), 'examples');

const PYTHON_PRESETS = ['python-fastapi', 'python-flask', 'python-tornado'];

describe('bundled presets', () => {
  test('are the three Python services, three Node.js projects and a Go service', () => {
    expect(listPresets()).toEqual(['go-http', 'node-cli', 'node-express', 'node-vite', ...PYTHON_PRESETS]);
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

  test('node-express: node server.js on 3000 with /health, npm test and npm run lint, one Node.js stage', () => {
    const p = resolveDescriptor('name: svc\nextends: node-express\n', 'slipway.yaml', { today: TODAY });
    expect(p.language).toBe('node');
    expect(p.app).toMatchObject({ command: ['node', 'server.js'], port: 3000, healthcheck: { path: '/health' } });
    expect(p.test).toEqual({ command: ['npm', 'test'], lint: ['npm', 'run', 'lint'] });
    expect(p.image).toMatchObject({ layering: 'single', runtime: 'node', user: { name: 'node', uid: 1000, gid: 1000 } });
    expect(p.language === 'node' && p.node).toEqual({ packageManager: 'npm', lockfile: 'package-lock.json', buildOutput: ['dist'], ignoreScripts: false });
  });

  test('node-cli: node /app/cli.js as the entrypoint, started in /work, no port or health check, npm test', () => {
    const p = resolveDescriptor('name: tool\nextends: node-cli\n', 'slipway.yaml', { today: TODAY });
    expect(p.language).toBe('node');
    expect(p.app).toEqual({ kind: 'cli', command: ['node', '/app/cli.js'], args: [], workdir: '/work' });
    expect(p.test).toEqual({ command: ['npm', 'test'] });
    expect(p.image).toMatchObject({ layering: 'single', runtime: 'node', workdir: '/app', user: { name: 'node', uid: 1000, gid: 1000 } });
  });

  test('node-vite: a build stage and nginx-unprivileged serving dist/ on 8080 as its own user', () => {
    const p = resolveDescriptor('name: site\nextends: node-vite\n', 'slipway.yaml', { today: TODAY });
    expect(p.image).toMatchObject({ layering: 'builder', runtime: 'nginx', user: { name: 'nginx', uid: 101, gid: 101 } });
    expect(p.language === 'node' && p.node).toMatchObject({ buildScript: 'build', buildOutput: ['dist'] });
    expect(p.app).toMatchObject({ command: ['nginx', '-g', 'daemon off;'], port: 8080, healthcheck: { path: '/' } });
  });

  test('go-http: the compiled program on distroless as nonroot, go test -race and go vet, no HTTP probe', () => {
    const p = resolveDescriptor('name: hello-go\nextends: go-http\n', 'slipway.yaml', { today: TODAY });
    expect(p.image).toMatchObject({ layering: 'builder', runtime: 'distroless', user: { name: 'nonroot', uid: 65532, gid: 65532 } });
    expect(p.app).toEqual({ kind: 'service', command: ['/usr/local/bin/hello-go'], args: [], port: 8080 });
    expect(p.test).toEqual({ command: ['go', 'test', '-race', './...'], lint: ['go', 'vet', './...'] });
    expect(p.runtime).toEqual({ version: '1.27', matrix: ['1.27'] });
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

  test.each(PYTHON_PRESETS)('%s serves the health check path its preset probes', (name) => {
    const p = loadProject({ cwd: join(examplesDir, name), today: TODAY });
    const module = p.app.command.find((a) => /\.py$|^[a-z_]+:[a-z_]+$/.test(a))!;
    const source = readFileSync(join(examplesDir, name, module.endsWith('.py') ? module : `${module.split(':')[0]}.py`), 'utf8');
    expect(source).toContain(`"${p.app.healthcheck!.path!}"`);
  });

  test('node-express serves /health; go-http answers /health and probes it with -healthcheck', () => {
    const node = loadProject({ cwd: join(examplesDir, 'node-express'), today: TODAY });
    expect(readFileSync(join(examplesDir, 'node-express', node.app.command[1]!), 'utf8')).toContain(`'${node.app.healthcheck!.path!}'`);
    const go = loadProject({ cwd: join(examplesDir, 'go-http'), today: TODAY });
    expect(go.app.healthcheck?.command).toEqual(['/usr/local/bin/hello-go', '-healthcheck']);
    const main = readFileSync(join(examplesDir, 'go-http', 'main.go'), 'utf8');
    expect(main).toContain('"/health"');
    expect(main).toContain('flag.Bool("healthcheck"');
  });

  test('node-cli runs the program its preset names, from where the image copies it', () => {
    const p = loadProject({ cwd: join(examplesDir, 'node-cli'), today: TODAY });
    const pkg = JSON.parse(readFileSync(join(examplesDir, 'node-cli', 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(p.app.command).toEqual(['node', `${p.image.workdir}/${Object.values(pkg.bin)[0]}`]);
    expect(p.ci.slipway).toMatchObject({ lint: true, check: true });
  });

  test.each(['node-express', 'node-vite', 'node-cli'])('%s has a lockfile and a test script that needs no installed dependency', (name) => {
    const pkg = JSON.parse(readFileSync(join(examplesDir, name, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies?: object };
    expect(pkg.scripts.test).toBe('node --test');
    expect(pkg.dependencies).toBeUndefined();
    expect(JSON.parse(readFileSync(join(examplesDir, name, 'package-lock.json'), 'utf8')).lockfileVersion).toBe(3);
  });
});

describe.each([
  ['node-express', 3],
  ['node-vite', 3],
  ['node-cli', 6],
])('the %s example test suite', (name, count) => {
  test('passes with node --test, offline and without node_modules', () => {
    const r = spawnSync(process.execPath, ['--test'], { cwd: join(examplesDir, name), encoding: 'utf8' });
    expect(r.stdout).toMatch(new RegExp(`^# pass ${count}$`, 'm'));
    expect(r.stdout).toMatch(/^# fail 0$/m);
    expect(r.status).toBe(0);
  });
});

const go = spawnSync('go', ['version']).status === 0;

describe('the go-http example', () => {
  test.skipIf(!go)('passes go vet and go test, with no module download', () => {
    const env = { ...process.env, GOPROXY: 'off', GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local', GOCACHE: join(tmpdir(), 'slipway-go-cache') };
    const cwd = join(examplesDir, 'go-http');
    const vet = spawnSync('go', ['vet', './...'], { cwd, env, encoding: 'utf8' });
    expect(vet.stderr).toBe('');
    expect(vet.status).toBe(0);
    const t = spawnSync('go', ['test', '-count=1', '-v', './...'], { cwd, env, encoding: 'utf8' });
    expect(t.stdout).toMatch(/--- PASS: TestGreeting/);
    expect(t.stdout).toMatch(/--- PASS: TestHealth/);
    expect(t.stdout).toMatch(/--- PASS: TestRefused/);
    expect(t.status).toBe(0);
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
