import { describe, expect, test } from 'vitest';
import { at, hits } from './helpers.js';

const rule = 'copy-all-before-dependency-install';

describe(rule, () => {
  test('points at the source and names the install and its line', async () => {
    const text = 'FROM python:3.13-slim\nWORKDIR /app\nCOPY --chown=app:app . .\nRUN python -m pip install --no-cache-dir -r requirements.txt\n';
    const [hit] = await hits(rule, text);
    expect(hit!.at).toBe('.');
    expect(hit!.message).toContain('`python -m pip install -r requirements.txt` (line 4)');
  });

  test('one finding per COPY, for every kind of install', async () => {
    for (const install of ['npm ci', 'yarn install --frozen-lockfile', 'yarn', 'pnpm install --frozen-lockfile', 'go mod download', 'bundle install', 'poetry install --no-root', 'uv sync --frozen --no-install-project', 'pipenv install --deploy --system']) {
      const text = `FROM debian:bookworm-slim\nWORKDIR /app\nCOPY . ./\nRUN ${install}\nRUN ${install}\n`;
      expect(await at(rule, text), install).toEqual(['.']);
    }
  });

  test('installs that need the source, named packages, other stages and copies from stages are left alone', async () => {
    const texts = [
      'FROM python:3.13-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -e . && poetry install && uv sync\n',
      'FROM python:3.13-slim\nWORKDIR /app\nCOPY . .\nRUN pip install gunicorn\n',
      'FROM python:3.13-slim AS src\nCOPY . /src\nFROM python:3.13-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
      'FROM python:3.13-slim\nCOPY --from=build /src /src\nRUN pip install -r /src/requirements.txt\n',
      'FROM python:3.13-slim\nRUN pip install -r requirements.txt\nCOPY . .\n',
      'FROM python:3.13-slim\nCOPY . .\nRUN pip install -r "$REQUIREMENTS"\n',
    ];
    for (const text of texts) expect(await at(rule, text), text).toEqual([]);
  });

  test('a directory that holds the dependency file', async () => {
    expect(await at(rule, 'FROM golang:1.26\nWORKDIR /src\nCOPY service /src\nRUN go mod download\n')).toEqual(['service']);
    expect(await at(rule, 'FROM python:3.13-slim\nCOPY backend/ /srv/backend/\nRUN pip install -r /srv/backend/requirements.txt\n')).toEqual(['backend/']);
  });

  test('a directory of requirement files, a copy of the file itself, or a split already made are fine', async () => {
    const texts = [
      'FROM python:3.13-slim\nCOPY requirements /requirements\nRUN pip install -r /requirements/base.txt\n',
      'FROM python:3.13-slim\nWORKDIR /app\nCOPY requirements.txt ./\nCOPY config /app\nRUN pip install -r requirements.txt\n',
      'FROM python:3.13-slim\nCOPY deps-only /app\nRUN pip install -r /app/requirements.txt\nCOPY . /app\n',
      'FROM python:3.13-slim\nCOPY setup.py /app/\nRUN pip install -r /app/requirements.txt\n',
    ];
    for (const text of texts) expect(await at(rule, text), text).toEqual([]);
  });
});
