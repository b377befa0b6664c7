import { describe, expect, test } from 'vitest';
import { at, hits } from './helpers.js';

const rule = 'pip-package-unpinned';
const run = (script: string, pre = '') => `FROM python:3.12-slim\n${pre}RUN ${script}\n`;

describe(rule, () => {
  test('requirement and constraint files, the project itself and PIP_CONSTRAINT exempt the command', async () => {
    expect(await at(rule, run('pip install -r req.txt flask && pip install -c c.txt flask && pip install . flask'))).toEqual([]);
    expect(await at(rule, run('pip install flask', 'ENV PIP_CONSTRAINT=/c.txt\n'))).toEqual([]);
    expect(await at(rule, run('PIP_CONSTRAINT=/c.txt pip install flask'))).toEqual([]);
  });

  test('version specifiers, archives, paths and VCS refs are pinned; the user of an ssh URL is not a ref', async () => {
    const pinned = 'pip install "a>=1" b~=2.0 c!=3 ./d /e.whl f.tar.gz "g[x]==1" git+https://h/i@v1 "j @ https://k/j-1.0.zip"';
    expect(await at(rule, run(pinned))).toEqual([]);
    expect(await at(rule, run('pip install git+ssh://git@github.com/org/lib.git'))).toEqual(['git+ssh://git@github.com/org/lib.git']);
  });

  test('every spelling of pip, and option values are not packages', async () => {
    const text = run('python3 -m pip install -i https://idx flask && pip3.12 install --target /t black && pipx install tox && uv pip install ruff');
    expect(await at(rule, text)).toEqual(['flask', 'black', 'tox', 'ruff']);
    expect(await at(rule, run('python3 app.py -m pip install flask'))).toEqual([]);
  });

  test('a VCS URL gets a ref in the message', async () => {
    const [hit] = await hits(rule, run('pip install git+https://github.com/psf/black'));
    expect(hit!.message).toContain('`git+https://github.com/psf/black@<tag or commit>`');
  });
});
