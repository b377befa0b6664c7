import { describe, expect, test } from 'vitest';
import { at, hits } from './helpers.js';

const rule = 'install-without-cache-mount';
const SYNTAX = '# syntax=docker/dockerfile:1\n';

describe(rule, () => {
  test('each repeated download without a cache mount, with the target to use', async () => {
    const text = `${SYNTAX}FROM golang:1.26 AS a\nRUN go mod download\nFROM golang:1.26 AS b\nRUN go mod download && go build ./...\n`;
    const found = await hits(rule, text);
    expect(found.map((h) => h.at)).toEqual(['go mod download', 'go mod download']);
    expect(found[0]!.message).toContain('the RUN on line 5');
    expect(found[0]!.message).toContain('target=/go/pkg/mod');
  });

  test('a RUN --mount elsewhere marks the file as BuildKit', async () => {
    const text = 'FROM python:3.13-slim\nRUN --mount=type=secret,id=pip pip install -r a.txt\nRUN python -m pip install --no-cache-dir -r b.txt\n';
    const found = await hits(rule, text);
    expect(found.map((h) => h.at)).toEqual(['pip install', 'python -m pip install']);
    expect(found[1]!.message).toContain('drop `--no-cache-dir`');
  });

  test('one download per tool, offline installs and other tools do not count', async () => {
    const texts = [
      `${SYNTAX}FROM python:3.13-slim\nRUN pip install -r a.txt\nRUN npm ci\n`,
      `${SYNTAX}FROM python:3.13-slim\nRUN pip install -r a.txt\nRUN pip install --no-index --find-links /wheels -r a.txt\n`,
      `${SYNTAX}FROM python:3.13-slim\nRUN pip install -r a.txt && pip install -r b.txt\n`,
      `${SYNTAX}FROM python:3.13-slim\nENV PIP_NO_INDEX=1\nRUN pip install -r a.txt\nRUN pip install -r b.txt\n`,
      `${SYNTAX}FROM node:22-slim\nRUN npm ci\nRUN npm ci --offline\n`,
    ];
    for (const text of texts) expect(await at(rule, text), text).toEqual([]);
  });

  test("the target follows the stage's ENV and its user", async () => {
    const gopath = `${SYNTAX}FROM debian:bookworm AS a\nENV GOPATH=/src/go:/other\nRUN go mod download\nRUN go mod download\n`;
    expect((await hits(rule, gopath))[0]!.message).toContain('target=/src/go/pkg/mod ');
    const pipDir = `${SYNTAX}FROM python:3.13-slim\nENV PIP_CACHE_DIR=/var/cache/pip/\nRUN pip install -r a.txt\nRUN pip install -r b.txt\n`;
    expect((await hits(rule, pipDir))[0]!.message).toContain('target=/var/cache/pip ');
    const user = `${SYNTAX}FROM python:3.13-slim\nUSER app\nRUN pip install -r a.txt\nRUN pip install -r b.txt\n`;
    const message = (await hits(rule, user))[0]!.message;
    expect(message).not.toContain('/root/');
    expect(message).toContain('user app');
    expect(message).toContain('uid=');
    const root = `${SYNTAX}FROM node:22-slim\nUSER root\nRUN npm ci\nRUN npm ci\n`;
    expect((await hits(rule, root))[0]!.message).toContain('target=/root/.npm ');
  });
});
