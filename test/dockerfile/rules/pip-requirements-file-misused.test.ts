import { describe, expect, test } from 'vitest';
import { at, fixed, hits } from './helpers.js';

const rule = 'pip-requirements-file-misused';
const run = (script: string) => `FROM python:3.13-slim\nRUN ${script}\n`;

describe(rule, () => {
  test('an option after -r is read as the file name; the fix swaps them', async () => {
    const text = run('pip install -r --upgrade requirements.txt');
    const [hit] = await hits(rule, text);
    expect(hit!.at).toBe('-r --upgrade');
    expect(hit!.message).toMatch(/reads `--upgrade` as the requirements file name/);
    expect(await fixed(rule, text)).toBe(run('pip install -r requirements.txt --upgrade'));
  });

  test('constraints files and pip wheel too; no fix when the option takes a value', async () => {
    const text = run('pip wheel -c --index-url https://x/simple constraints.txt -w /wheels .');
    expect(await at(rule, text)).toEqual(['-c --index-url']);
    expect(await fixed(rule, text)).toBe(text);
  });

  test('a requirements file without -r, through python -m pip and uv pip', async () => {
    const text = run('python3.12 -m pip install requirements/prod.txt && uv pip install requirements-dev.txt');
    expect(await at(rule, text)).toEqual(['requirements/prod.txt', 'requirements-dev.txt']);
    expect(await fixed(rule, text)).toBe(run('python3.12 -m pip install -r requirements/prod.txt && uv pip install -r requirements-dev.txt'));
  });

  test('-r at the end has no file', async () => {
    expect(await at(rule, run('pip install --no-cache-dir -r'))).toEqual(['-r']);
  });

  test('correct uses, packages with dots, URLs and other commands are left alone', async () => {
    const text = run(
      'pip install --no-cache-dir -r requirements.txt && pip install -rrequirements.txt && pip install --requirement=requirements.txt zope.interface https://x/y/requirements.txt && pip freeze > requirements.txt && cat requirements.txt',
    );
    expect(await at(rule, text)).toEqual([]);
  });
});
