import { describe, expect, test } from 'vitest';
import {
  applicationObject,
  expandBraces,
  importedFramework,
  minorVersion,
  requirementNames,
  statedPort,
  toxPythonVersions,
} from '../../src/init/python-sources.js';

describe('reading Python project files', () => {
  test('requirement names skip comments, options and version specifiers', () => {
    expect(requirementNames('# web\nFlask>=2.2  # the app\n-r base.txt\n--index-url https://x\ngunicorn[gevent]==21.2\nzope_interface\n\n')).toEqual([
      'flask',
      'gunicorn',
      'zope-interface',
    ]);
  });

  test('tox envlists: comma, newline and brace forms, factors, py3.N', () => {
    expect(toxPythonVersions('[tox]\nenvlist = py311, py312, lint\n')).toEqual(['3.11', '3.12']);
    expect(toxPythonVersions('[tox]\nenvlist =\n    py3{10,11,12}-django{42,50}\n    flake8\n[testenv]\ndeps = pytest\n')).toEqual([
      '3.10',
      '3.11',
      '3.12',
    ]);
    expect(toxPythonVersions('[tox]\nenvlist = py{312,313}\n')).toEqual(['3.12', '3.13']);
    expect(toxPythonVersions('[tox:tox]\nenvlist = py3.13\n')).toEqual(['3.13']);
    expect(toxPythonVersions('[testenv]\ncommands = pytest\n')).toEqual([]);
    expect(expandBraces('py3{11,12}-dj{42,50}')).toEqual(['py311-dj42', 'py311-dj50', 'py312-dj42', 'py312-dj50']);
  });

  test('the minor version of .python-version and runtime.txt lines', () => {
    expect(minorVersion('3.12.4\n')).toBe('3.12');
    expect(minorVersion('3.13')).toBe('3.13');
    expect(minorVersion('python-3.11.7')).toBe('3.11');
    expect(minorVersion('system')).toBeUndefined();
    expect(minorVersion('2.7.18')).toBeUndefined();
  });

  test('frameworks from imports', () => {
    expect(importedFramework('import tornado.web\n')).toBe('tornado');
    expect(importedFramework('from flask import Flask\n')).toBe('flask');
    expect(importedFramework('from fastapi import FastAPI\nimport tornado\n')).toBe('fastapi');
    expect(importedFramework('# from flask import Flask\nimport os\n')).toBeUndefined();
  });

  test('application objects and factories', () => {
    expect(applicationObject('app = Flask(__name__)\n', 'flask')).toBe('app');
    expect(applicationObject('api: FastAPI = fastapi.FastAPI(title="x")\n', 'fastapi')).toBe('api');
    expect(applicationObject('def create_app():\n    return Flask(__name__)\n', 'flask')).toBe('create_app()');
    expect(applicationObject('import flask\n', 'flask')).toBeUndefined();
  });

  test('ports stated plainly in code and start scripts', () => {
    expect(statedPort('app.listen(8888)\n')).toBe(8888);
    expect(statedPort('define("port", default=8000, help="port")\n')).toBe(8000);
    expect(statedPort('app.run(host="0.0.0.0", port=5000)\n')).toBe(5000);
    expect(statedPort('uvicorn.run("main:app", port=9000)\n')).toBe(9000);
    expect(statedPort('web: uvicorn main:app --port 8080\n')).toBe(8080);
    expect(statedPort('web: gunicorn --bind 0.0.0.0:7000 app:app\n')).toBe(7000);
    expect(statedPort('PORT = 3000\n')).toBe(3000);
    expect(statedPort('app.listen(int(os.environ["PORT"]))\n')).toBeUndefined();
    expect(statedPort('app.run(port=99999)\n')).toBeUndefined();
  });
});
