import { describe, expect, test } from 'vitest';
import { at, hits } from './helpers.js';

const rule = 'healthcheck-missing';

describe(rule, () => {
  test('EXPOSE in the final stage or a stage it builds on', async () => {
    const [hit] = await hits(rule, 'FROM python:3.13-slim\nEXPOSE 8000 8443/tcp\nCMD ["python", "-m", "app"]\n');
    expect(hit!.at).toBe('EXPOSE');
    expect(hit!.message).toContain('ports 8000, 8443/tcp');
    expect(await at(rule, 'FROM python:3.13-slim AS base\nEXPOSE 8000\nFROM base\nCMD ["python", "app.py"]\n')).toEqual(['EXPOSE']);
  });

  test('servers started by the effective CMD or ENTRYPOINT', async () => {
    expect(await at(rule, 'FROM python:3.13-slim\nCMD python -m uvicorn app:app --host 0.0.0.0\n')).toEqual(['python']);
    expect(await at(rule, 'FROM python:3.13-slim\nCMD ["flask", "run", "--host=0.0.0.0"]\n')).toEqual(['"flask"']);
    expect(await at(rule, 'FROM python:3.13-slim\nCMD ["gunicorn", "app:app"]\nCMD ["python", "-m", "worker"]\n')).toEqual([]);
  });

  test('a HEALTHCHECK anywhere in the chain, NONE included, and builder stages are fine', async () => {
    const texts = [
      'FROM python:3.13-slim AS base\nHEALTHCHECK CMD ["true"]\nFROM base\nEXPOSE 8000\n',
      'FROM nginx:1.27\nEXPOSE 80\nHEALTHCHECK NONE\n',
      'FROM golang:1.26 AS build\nEXPOSE 8080\nFROM scratch\nCOPY --from=build /app /app\nCMD ["/app", "migrate"]\n',
    ];
    for (const text of texts) expect(await at(rule, text), text).toEqual([]);
  });
});
