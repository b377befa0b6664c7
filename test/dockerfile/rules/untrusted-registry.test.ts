import { describe, expect, test } from 'vitest';
import { registryMatches } from '../../../src/lint/dockerfile/rules/untrusted-registry.js';
import { at } from './helpers.js';

const rule = 'untrusted-registry';

describe(rule, () => {
  test("hadolint's wildcard patterns", () => {
    expect(registryMatches('*', 'ghcr.io')).toBe(true);
    expect(registryMatches('*.example.com', 'a.example.com')).toBe(true);
    expect(registryMatches('*.example.com', 'example.org')).toBe(false);
    expect(registryMatches('registry.*', 'registry.acme.io')).toBe(true);
    expect(registryMatches('Docker.IO', 'docker.io')).toBe(true);
  });

  test('off without trusted registries', async () => {
    expect(await at(rule, 'FROM ghcr.io/a/b:1\n')).toEqual([]);
  });

  test('points at the registry, or the name for Docker Hub; ARG defaults resolved; stages and scratch exempt', async () => {
    const options = { trustedRegistries: ['registry.example.com'] };
    const text = 'ARG REG=quay.io\nARG UNKNOWN\nFROM ${REG}/a/b:1 AS one\nFROM python:3.12\nFROM one\nFROM scratch\nFROM $UNKNOWN/x:1\nFROM registry.example.com/x:1\n';
    expect(await at(rule, text, options)).toEqual(['${REG}', 'python']);
  });

  test('Docker Hub by any of its names', async () => {
    const options = { trustedRegistries: ['hub.docker.com'] };
    expect(await at(rule, 'FROM docker.io/library/python:3.12\nFROM index.docker.io/library/alpine:3.20\nFROM python:3.12\n', options)).toEqual([]);
  });

  test('COPY --from and RUN --mount from= images; named contexts and stages are not images', async () => {
    const options = { trustedRegistries: ['docker.io'] };
    const text = 'FROM alpine:3.20 AS a\nCOPY --from=ghcr.io/x/y:1 /a /a\nCOPY --from=a /a /b\nCOPY --from=my-context /a /c\nRUN --mount=from=quay.io/z/w:2,target=/w true\nCOPY --from=nginx /a /d\n';
    expect(await at(rule, text, options)).toEqual(['ghcr.io/x/y:1', 'quay.io/z/w:2']);
  });
});
