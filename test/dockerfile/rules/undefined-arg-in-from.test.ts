import { describe, expect, test } from 'vitest';
import { at, hits } from './helpers.js';

const rule = 'undefined-arg-in-from';

describe(rule, () => {
  test('image and --platform, at the reference; declared and automatic ARGs are fine', async () => {
    const text = 'ARG BASE=alpine\nARG TAG\nFROM --platform=$PLATFORM ${BASE}:${TAG}-${FLAVOR}\nFROM --platform=$TARGETPLATFORM a:1\n';
    expect(await at(rule, text)).toEqual(['$PLATFORM', '${FLAVOR}']);
  });

  test('suggests a declared name', async () => {
    const [hit] = await hits(rule, 'ARG GO_VERSION=1.23\nFROM golang:${GOVERSION}\n');
    expect(hit!.message).toContain('did you mean `GO_VERSION`');
  });
});
