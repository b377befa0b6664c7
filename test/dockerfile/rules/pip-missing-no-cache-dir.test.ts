import { describe, expect, test } from 'vitest';
import { at, fixed } from './helpers.js';

const rule = 'pip-missing-no-cache-dir';
const py = 'FROM python:3.12-slim\n';

describe(rule, () => {
  test('any value pip accepts for PIP_NO_CACHE_DIR disables the cache, also through FROM <stage>', async () => {
    expect(await at(rule, `${py}ENV PIP_NO_CACHE_DIR=false\nRUN pip install a==1\n`)).toEqual([]);
    expect(await at(rule, 'FROM python:3.12-slim AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install a==1\n')).toEqual([]);
    expect(await at(rule, `${py}RUN export PIP_NO_CACHE_DIR=0 && pip install a==1 && PIP_NO_CACHE_DIR=1 pip install b==1\n`)).toEqual([]);
    expect(await at(rule, `${py}RUN PIP_NO_CACHE_DIR=1 true && pip install a==1\n`)).toEqual(['pip install']);
  });

  test('mounts on the pip cache or the configured folder, and purging afterwards count', async () => {
    const text =
      `${py}RUN --mount=type=cache,target=/home/app/.cache/pip pip install a==1\n` +
      'RUN --mount=type=cache,target=/pipcache pip install --cache-dir /pipcache b==1\n' +
      'RUN pip install c==1 && pip cache purge\nRUN pip install d==1 && rm -rf /root/.cache\n';
    expect(await at(rule, text)).toEqual([]);
  });

  test('python -m pip gets the fix after install; pipx and uv are not pip', async () => {
    expect(await fixed(rule, `${py}RUN python3 -m pip install -U pip==24.2\n`)).toBe(`${py}RUN python3 -m pip install --no-cache-dir -U pip==24.2\n`);
    expect(await at(rule, `${py}RUN pipx install tox==4 && uv pip install --system ruff==0.5\n`)).toEqual([]);
  });

  test('only stages of the final image', async () => {
    expect(await at(rule, 'FROM python:3.12 AS build\nRUN pip install a==1\nFROM python:3.12-slim\nRUN echo\n')).toEqual([]);
  });
});
