import { describe, expect, test } from 'vitest';
import { at, hits } from './helpers.js';

const rule = 'final-stage-runs-as-root';

describe(rule, () => {
  test('no USER: points at FROM and the image, and says whose default it is', async () => {
    const [hit] = await hits(rule, 'FROM python:3.13-slim AS app\nCMD ["gunicorn", "app:app"]\n');
    expect(hit!.at).toBe('FROM python:3.13-slim');
    expect(hit!.message).toMatch(/root \(the default user of `python:3.13-slim`\)/);
    const [other] = await hits(rule, 'FROM registry.example.com/team/base:2\nCMD ["/app"]\n');
    expect(other!.message).toMatch(/root unless that image sets another/);
  });

  test('USER root or 0 last, inherited from a parent stage too', async () => {
    expect(await at(rule, 'FROM debian:12\nUSER app\nUSER 0:0\nCMD ["/app"]\n')).toEqual(['0:0']);
    expect(await at(rule, 'FROM debian:12 AS base\nUSER root\nFROM base\nCMD ["/app"]\n')).toEqual(['root']);
  });

  test('only the final stage', async () => {
    expect(await at(rule, 'FROM golang:1.26 AS build\nUSER root\nRUN go build -o /app .\nFROM debian:12\nUSER 10001\nCMD ["/app"]\n')).toEqual([]);
  });

  test('non-root images, privilege-dropping entrypoints and servers, base images', async () => {
    const texts = [
      'FROM cgr.dev/chainguard/python:latest\nCMD ["app.py"]\n',
      'FROM mcr.microsoft.com/dotnet/aspnet:9.0-noble-chiseled\nENTRYPOINT ["dotnet", "app.dll"]\n',
      'FROM debian:12\nRUN apt-get update && apt-get install -y gosu\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["postgres"]\n',
      'FROM debian:12\nCMD ["nginx", "-g", "daemon off;"]\n',
      'FROM debian:12\nCMD ["bash"]\n',
      'FROM python:3.13-slim\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["python3"]\n',
      'FROM debian:12\nRUN apt-get update\n',
      'ARG BASE\nFROM ${BASE}\nCMD ["/app"]\n',
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["app.exe"]\n',
    ];
    for (const text of texts) expect(await at(rule, text), text).toEqual([]);
  });

  test('an entrypoint that is the program itself counts, whatever the CMD', async () => {
    expect(await at(rule, 'FROM python:3.13-slim\nENTRYPOINT ["gunicorn"]\nCMD ["--bind", "0.0.0.0:8000", "app:app"]\n')).toEqual(['FROM python:3.13-slim']);
  });
});
