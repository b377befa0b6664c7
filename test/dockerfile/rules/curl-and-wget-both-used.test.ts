import { describe, expect, test } from 'vitest';
import { at, hits } from './helpers.js';

const rule = 'curl-and-wget-both-used';

describe(rule, () => {
  test('reported once, on the install that is one too many', async () => {
    const text =
      'FROM debian:12\nRUN apt-get install -y wget && wget -q u\nRUN apt-get install -y curl=7.88 && curl -fsS u\nRUN curl -fsS v && wget -q v\n';
    const found = await hits(rule, text);
    expect(found.map((h) => h.at)).toEqual(['curl=7.88']);
    expect(found[0]!.message).toContain('wget (installed on line 2)');
  });

  test('a tool from the base image counts when the Dockerfile installs the other', async () => {
    expect(await at(rule, 'FROM alpine:3.20\nRUN apk add --no-cache curl~8 && wget -q -O f u\n')).toEqual(['curl~8']);
  });

  test('packages removed in the same RUN do not stay', async () => {
    const docker =
      "FROM debian:12\nRUN apt-get install -y --no-install-recommends wget && wget -q u \\\n && apt-mark auto '.*' && apt-get purge -y --auto-remove\nRUN apt-get install -y curl\n";
    expect(await at(rule, docker)).toEqual([]);
    expect(await at(rule, 'FROM debian:12\nRUN apt-get install -y wget curl && apt-get purge -y wget\n')).toEqual([]);
  });

  test('a stage reports what it installs; the stage it builds on reports its own', async () => {
    const text = 'FROM debian:12 AS base\nRUN apt-get install -y curl\nFROM base\nRUN apt-get install -y wget\n';
    expect(await at(rule, text)).toEqual(['wget']);
    const both = 'FROM debian:12 AS base\nRUN apt-get install -y curl wget\nFROM base\nRUN wget -q u\n';
    expect(await at(rule, both)).toEqual(['wget']);
  });
});
