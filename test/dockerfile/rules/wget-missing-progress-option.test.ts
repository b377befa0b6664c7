import { describe, expect, test } from 'vitest';
import { at } from './helpers.js';

const rule = 'wget-missing-progress-option';

describe(rule, () => {
  test('-nv, -q in a cluster, logging to a file and --progress count', async () => {
    const text = 'FROM debian:12\nRUN wget -nv u && wget -qO- u && wget -o log u && wget --progress=bar:force u && wget -O f u\n';
    expect(await at(rule, text)).toEqual(['wget']);
  });

  test('BusyBox wget on Alpine is skipped until GNU wget is installed', async () => {
    expect(await at(rule, 'FROM alpine:3.20\nRUN wget -O f https://x\n')).toEqual([]);
    expect(await at(rule, 'FROM node:20-alpine AS base\nRUN apk add --no-cache wget\nFROM base\nRUN wget -O f https://x\n')).toEqual(['wget']);
  });
});
