import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { loadProject } from '../../src/descriptor/index.js';
import { initProject } from '../../src/init/index.js';
import { captureIo } from '../helpers/io.js';
import { pythonOf, TODAY } from '../descriptor/helpers.js';
import { FLASK_APP, makeRepo, recordingPrompter } from './helpers.js';

const init = (cwd: string, extra: Partial<Parameters<typeof initProject>[0]> = {}) => initProject({ cwd, today: TODAY, ...extra });

function writtenDescriptor(dir: string): Record<string, unknown> {
  return parse(readFileSync(join(dir, 'slipway.yaml'), 'utf8')) as Record<string, unknown>;
}

describe('slipway init detects the repository', () => {
  test('a Flask service: port, app object, versions, tests and linter become a short descriptor', async () => {
    const dir = makeRepo(
      {
        'app.py': FLASK_APP,
        'requirements.txt': 'flask>=2.2\ngunicorn\n',
        'requirements-dev.txt': '-r requirements.txt\npytest\nflake8\n',
        '.python-version': '3.12.4\n',
        'tox.ini': '[tox]\nenvlist = py311, py312, lint\n',
      },
      'Shop_Front',
    );
    const result = await init(dir);
    expect(result.status).toBe('written');
    expect(readFileSync(join(dir, 'slipway.yaml'), 'utf8')).toBe(
      [
        '# yaml-language-server: $schema=https://unpkg.com/slipway/schema/slipway.schema.json',
        '# Written by `slipway init` from what it found in this repository. Every key and its default is',
        "# described in slipway's docs/descriptor.md (`slipway schema --format markdown`).",
        '# Next: `slipway generate` writes the Dockerfile, .gitlab-ci.yml, Makefile, tox.ini and .dockerignore.',
        '',
        'name: shop-front',
        'extends: python-flask',
        'runtime:',
        '  version: "3.12"',
        '  matrix: ["3.11", "3.12"]',
        'app:',
        '  command: [gunicorn, --bind, 0.0.0.0:5000, --workers, "2", --access-logfile, "-", app:app]',
        '  port: 5000',
        '',
      ].join('\n'),
    );
    const project = loadProject({ cwd: dir, today: TODAY });
    expect(project.app.port).toBe(5000);
    expect(project.app.healthcheck?.path).toBe('/health');
    expect(project.runtime.matrix).toEqual(['3.11', '3.12']);
    expect(project.test.lint).toEqual(['python', '-m', 'flake8']);
  });

  test('a FastAPI package run with python -m: the module path of the app object and its port', async () => {
    const dir = makeRepo({
      'service/__init__.py': '',
      'service/__main__.py': 'import uvicorn\nuvicorn.run("service.main:api", host="0.0.0.0", port=9000)\n',
      'service/main.py': 'from fastapi import FastAPI\n\napi = FastAPI()\n\n\n@api.get("/healthz")\ndef healthz():\n    return {}\n',
      'requirements.txt': 'fastapi\nuvicorn\n',
      'requirements-test.txt': 'pytest\nhttpx\n',
    });
    await init(dir);
    const p = loadProject({ cwd: dir, today: TODAY });
    expect(p.preset).toBe('python-fastapi');
    expect(p.app.command).toEqual(['uvicorn', 'service.main:api', '--host', '0.0.0.0', '--port', '9000']);
    expect(p.app.healthcheck?.path).toBe('/healthz');
    expect(pythonOf(p)).toEqual({ requirements: 'requirements.txt', devRequirements: 'requirements-test.txt' });
    expect(p.test.lint).toBeUndefined(); // the preset's flake8 is not installed here
  });

  test('a Tornado service with unittest tests in tests/', async () => {
    const dir = makeRepo({
      'server.py':
        'import tornado.web\nfrom tornado.options import define\n\ndefine("port", default=8000)\n\n\nclass H(tornado.web.RequestHandler):\n    pass\n\n\nROUTES = [(r"/", H)]\n',
      'requirements.txt': 'tornado\n',
      'tests/test_server.py': 'import unittest\nfrom tornado.testing import AsyncHTTPTestCase\n',
    });
    const result = await init(dir);
    const p = loadProject({ cwd: dir, today: TODAY });
    expect(p.app.command).toEqual(['python', 'server.py']);
    expect(p.app.port).toBe(8000);
    expect(p.app.healthcheck?.path).toBe('/');
    expect(p.test.command).toEqual(['python', '-m', 'unittest', 'discover', '-s', 'tests', '-t', '.']);
    expect(pythonOf(p)).toEqual({ requirements: 'requirements.txt' });
    expect(result.proposal!.notes).toEqual([]);
  });

  test('a worker without a framework: no preset, no port, no health check', async () => {
    const dir = makeRepo({ 'main.py': 'import time\n\nwhile True:\n    time.sleep(1)\n', 'requirements.txt': 'requests\n' });
    await init(dir);
    const written = writtenDescriptor(dir);
    expect(written.extends).toBeUndefined();
    expect(written.language).toBe('python');
    const p = loadProject({ cwd: dir, today: TODAY });
    expect(p.app).toEqual({ kind: 'service', command: ['python', 'main.py'], args: [] });
    expect(p.test.command).toEqual(['python', '-m', 'pytest']);
  });

  test('end-of-life versions are never proposed, and say so', async () => {
    const dir = makeRepo({
      'app.py': 'import tornado.web\napp.listen(8888)\n',
      'requirements.txt': 'tornado\n',
      'requirements-dev.txt': 'pytest\n',
      '.python-version': '3.9.18\n',
      'tox.ini': '[tox]\nenvlist = py39, py310, py312\n',
    });
    const result = await init(dir);
    const p = loadProject({ cwd: dir, today: TODAY });
    expect(p.runtime).toEqual({ version: '3.13', matrix: ['3.12', '3.13'] });
    expect(result.proposal!.notes).toEqual([
      '.python-version asks for Python 3.9, which reached its end of life on 2025-10-31; proposing 3.13 instead',
      'tox.ini tests Python 3.9, 3.10, no longer supported; left out of the test matrix',
      'no health endpoint found in the code: the health check is off (set app.healthcheck.path once there is one)',
    ]);
    expect(p.app.healthcheck).toBeUndefined();
  });

  test('a pyproject package: the preset requirement files are removed, ruff is the linter', async () => {
    const dir = makeRepo({
      'pyproject.toml':
        '[build-system]\nrequires = ["setuptools>=68"]\n\n[project]\nname = "Hello_API"\ndependencies = ["flask>=2.2", "gunicorn"]\n\n[project.optional-dependencies]\ntest = ["pytest", "ruff"]\n',
      'hello_api/__init__.py': 'from flask import Flask\n\napp = Flask(__name__)\n',
      'hello_api/__main__.py': 'from hello_api import app\n\napp.run()\n',
    });
    await init(dir);
    const written = writtenDescriptor(dir);
    expect(written.name).toBe('hello-api');
    expect(written.python).toEqual({ requirements: false, devRequirements: false, pyproject: 'pyproject.toml' });
    const p = loadProject({ cwd: dir, today: TODAY });
    expect(p.app.command.at(-1)).toBe('hello_api:app');
    expect(p.test.lint).toEqual(['python', '-m', 'ruff', 'check', '.']);
  });

  test('an empty directory still gets a descriptor that loads, with what to check', async () => {
    const dir = makeRepo({}, '42-things');
    const result = await init(dir);
    expect(writtenDescriptor(dir).name).toBe('things');
    expect(() => loadProject({ cwd: dir, today: TODAY })).not.toThrow();
    expect(result.proposal!.notes).toEqual([
      'no entry script found (app.py, main.py, …, or a package with __main__.py); set app.command',
      'no tests found; proposing pytest',
    ]);
  });

  test('--preset overrides the detected framework; the schema line is relative inside slipway', async () => {
    const dir = makeRepo({ 'app.py': FLASK_APP, 'requirements.txt': 'flask\n' });
    const result = await init(dir, { preset: 'none', dryRun: true });
    expect(parse(result.text).extends).toBeUndefined();
    expect(parse(result.text).app.command).toEqual(['python', 'app.py']);
    const example = await init(join(import.meta.dirname, '../../examples/python-flask'), { dryRun: true });
    expect(example.text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/slipway.schema.json');
  });

  test('on a terminal the user confirms or changes the proposal; bad answers are asked again', async () => {
    const dir = makeRepo({ 'app.py': FLASK_APP, 'requirements.txt': 'flask\ngunicorn\n', 'requirements-dev.txt': 'pytest\n' });
    const { prompter, asked, warned } = recordingPrompter(['python-fastapi', 'Bad Name', 'good-name', '3.8', '', '8081', '']);
    await init(dir, { prompter });
    expect(asked).toEqual([
      'Preset (python-fastapi, python-flask, python-tornado, none) [python-flask]',
      'Project name [repo]',
      'Project name [repo]',
      'Python version [3.13]',
      'Python version [3.13]',
      'Port the app listens on (none for a worker) [5000]',
      'Command that starts the app [uvicorn app:app --host 0.0.0.0 --port 8081]',
    ]);
    expect(warned).toEqual([
      'use lower-case letters, digits and -, starting with a letter',
      'choose a supported version: 3.11, 3.12, 3.13, 3.14, 3.15',
    ]);
    const p = loadProject({ cwd: dir, today: TODAY });
    expect(p.name).toBe('good-name');
    expect(p.preset).toBe('python-fastapi');
    expect(p.app.port).toBe(8081);
    // The proposed command follows the port answer.
    expect(p.app.command).toEqual(['uvicorn', 'app:app', '--host', '0.0.0.0', '--port', '8081']);
  });
});

describe('slipway init on the command line', () => {
  test('writes slipway.yaml without prompting when not on a terminal, and reports what it found', async () => {
    const dir = makeRepo({ 'app.py': FLASK_APP, 'requirements.txt': 'flask\ngunicorn\n', 'requirements-dev.txt': 'pytest\n' });
    const io = captureIo();
    expect(await runCli(['init', '--cwd', dir], io)).toBe(0);
    expect(io.stderr).toBe('');
    expect(io.stdout).toBe(
      [
        `Wrote ${join(dir, 'slipway.yaml')} (preset python-flask).`,
        '  found dependencies: requirements.txt, requirements-dev.txt',
        '  found entry point: app.py',
        '  found framework: flask (app.py), application app:app',
        '  found port 5000 (app.py)',
        '  found tests: pytest (requirements)',
        'Next: slipway generate',
        '',
      ].join('\n'),
    );
    expect(readdirSync(dir).sort()).toEqual(['app.py', 'requirements-dev.txt', 'requirements.txt', 'slipway.yaml']);
  });

  test('refuses to overwrite an existing slipway.yaml (exit 1) and leaves it untouched', async () => {
    const dir = makeRepo({ 'slipway.yaml': 'name: mine\n', 'app.py': FLASK_APP });
    const io = captureIo();
    expect(await runCli(['init', '--cwd', dir, '--yes'], io)).toBe(1);
    expect(io.stderr).toBe(
      `slipway: error: ${join(dir, 'slipway.yaml')} already exists; run with --force to overwrite it, or --dry-run to see the proposal\n`,
    );
    expect(readFileSync(join(dir, 'slipway.yaml'), 'utf8')).toBe('name: mine\n');
  });

  test('--force overwrites it', async () => {
    const dir = makeRepo({ 'slipway.yaml': 'name: mine\n', 'app.py': FLASK_APP, 'requirements.txt': 'flask\n' });
    const io = captureIo();
    expect(await runCli(['init', '--cwd', dir, '--yes', '--force'], io)).toBe(0);
    expect(writtenDescriptor(dir).extends).toBe('python-flask');
    expect(readdirSync(dir).filter((f) => f.includes('slipway-tmp'))).toEqual([]);
  });

  test('--dry-run prints the descriptor and writes nothing, even over an existing one', async () => {
    const dir = makeRepo({ 'slipway.yaml': 'name: mine\n', 'main.py': 'print("hi")\n' });
    const io = captureIo();
    expect(await runCli(['init', '--cwd', dir, '--dry-run'], io)).toBe(0);
    expect(parse(io.stdout)).toMatchObject({ name: 'repo', language: 'python', app: { command: ['python', 'main.py'] } });
    expect(readFileSync(join(dir, 'slipway.yaml'), 'utf8')).toBe('name: mine\n');
  });

  test('an unknown preset is a one-line usage error with exit status 2', async () => {
    const dir = makeRepo({ 'app.py': FLASK_APP });
    const io = captureIo();
    expect(await runCli(['init', '--cwd', dir, '--preset', 'python-flsk'], io)).toBe(2);
    expect(io.stderr).toBe(
      'error: unknown preset `python-flsk`; did you mean `python-flask`? Available presets: go-http, node-cli, node-express, node-vite, python-fastapi, python-flask, python-tornado, or none\n',
    );
    expect(readdirSync(dir)).toEqual(['app.py']);
  });

  test('a missing directory is an input error with exit status 2 and no stack trace', async () => {
    const dir = join(makeRepo({}), 'nope');
    const io = captureIo();
    expect(await runCli(['init', '--cwd', dir], io)).toBe(2);
    expect(io.stderr).toBe(`${dir}: error: no such directory\n`);
  });

  test('a descriptor it wrote, later broken by hand, is reported by line and column', async () => {
    const dir = makeRepo({ 'app.py': FLASK_APP, 'requirements.txt': 'flask\n' });
    await runCli(['init', '--cwd', dir], captureIo());
    const path = join(dir, 'slipway.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('port: 5000', 'prot: 5000'));
    let message = '';
    try {
      loadProject({ cwd: dir, today: TODAY });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toBe('slipway.yaml:14:3: error: unknown key `prot` in `app`; did you mean `port`?');
  });
});
