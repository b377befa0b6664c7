import { describe, expect, test } from 'vitest';
import { at, hits } from './helpers.js';

const rule = 'base-image-end-of-life';

describe(rule, () => {
  test('points at the versions inside the tag, both runtime and OS', async () => {
    const [hit] = await hits(rule, 'FROM python:3.8-slim-buster AS app\n');
    expect(hit!.at).toBe('3.8-slim-buster');
    expect(hit!.message).toMatch(/Python 3\.8 reached its end of life on 2024-10-07 and Debian 10 \(buster\) reached its end of LTS on 2024-06-30/);
    expect(hit!.message).toMatch(/move to a supported release such as Python 3\.\d+ and Debian \d+ \(\w+\)/);
    expect(await at(rule, 'FROM python:3.13-slim-buster\n')).toEqual(['buster']);
    expect(await at(rule, 'FROM docker.io/library/node:16.20.2-alpine3.18\n')).toEqual(['16.20.2-alpine3.18']);
  });

  test('ARG defaults are resolved, and the finding points at the variable', async () => {
    const text = 'ARG PY=3.7\nARG OS=stretch\nFROM python:${PY}-slim-${OS}\n';
    const [hit] = await hits(rule, text);
    expect(hit!.at).toBe('${PY}-slim-${OS}');
    expect(hit!.message).toContain('(`python:${PY}-slim-${OS}` resolves to `python:3.7-slim-stretch`)');
  });

  test('every stage, but not stage references, scratch, unknown tags or other repositories', async () => {
    const text = [
      'FROM golang:1.19-alpine AS build',
      'FROM build AS test',
      'FROM scratch',
      'FROM python:3',
      'FROM node:lts-alpine',
      'ARG TAG',
      'FROM ubuntu:${TAG}',
      'FROM ghcr.io/example/python:2.7',
      'FROM alpine:edge',
      '',
    ].join('\n');
    expect(await at(rule, text)).toEqual(['1.19']);
  });
});
