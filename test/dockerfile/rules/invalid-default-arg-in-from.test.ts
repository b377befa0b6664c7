import { describe, expect, test } from 'vitest';
import { isValidReference } from '../../../src/lint/dockerfile/rules/invalid-default-arg-in-from.js';
import { at } from './helpers.js';

const rule = 'invalid-default-arg-in-from';

describe(rule, () => {
  test('the reference grammar', () => {
    for (const ok of ['busybox', 'busybox:stable', 'localhost:5000/a/b:1.0', 'ghcr.io/x/y@sha256:' + 'a'.repeat(64), 'a__b', 'a-b.c']) expect(isValidReference(ok), ok).toBe(true);
    for (const bad of ['', 'busybox:', 'Busybox', 'a//b', ':1', 'docker:-dind', 'a@sha256:']) expect(isValidReference(bad), bad).toBe(false);
  });

  test('only declared ARGs without default; empty values that keep the reference valid pass', async () => {
    const text = 'ARG TAG\nARG SUFFIX\nARG REG=docker.io\nFROM busybox:${TAG}\nFROM busybox:1${SUFFIX}\nFROM ${REG}/library/alpine:3.20\nFROM alpine:${UNDECLARED}\n';
    expect(await at(rule, text)).toEqual(['busybox:${TAG}']);
  });
});
