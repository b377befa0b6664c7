import { beforeAll, describe, expect, test } from 'vitest';
import { parseDockerfile, type DockerfileDoc } from '../../src/lint/dockerfile/index.js';
import { reachesFinalImage, rootImage, stageChain } from '../../src/lint/dockerfile/queries.js';
import { initShell } from '../../src/lint/shell/index.js';

beforeAll(() => initShell());

const parse = (text: string): DockerfileDoc => parseDockerfile({ path: 'Dockerfile', text, kind: 'dockerfile' }).doc!;

describe('stage queries', () => {
  test('reachesFinalImage: the last stage and the stages it builds on, not a side branch', () => {
    const doc = parse('FROM debian:12 AS base\nFROM base AS side\nFROM alpine:3.20 AS tool\nFROM base AS app\nFROM app\n');
    expect(doc.stages.map((s) => reachesFinalImage(s))).toEqual([true, false, false, true, true]);
    // Asked again (remembered): the same answers.
    expect(doc.stages.map((s) => reachesFinalImage(s))).toEqual([true, false, false, true, true]);
  });

  test('a chain of 20,000 stages: every question is answered, root first and last alike', () => {
    const lines = ['FROM debian:12 AS s0'];
    for (let i = 0; i < 20_000; i++) lines.push(`FROM s${i} AS s${i + 1}`);
    lines.push('FROM alpine:3.20 AS last');
    const doc = parse(lines.join('\n') + '\n');
    const chain = doc.stages.slice(0, -1);
    expect(reachesFinalImage(chain[0]!)).toBe(false);
    expect(chain.every((s) => !reachesFinalImage(s))).toBe(true);
    expect(rootImage(chain[chain.length - 1]!)?.resolved).toBe('debian:12');
    expect(stageChain(chain[chain.length - 1]!)).toHaveLength(20_001);
    lines[lines.length - 1] = 'FROM s20000';
    expect(parse(lines.join('\n') + '\n').stages.every((s) => reachesFinalImage(s))).toBe(true);
  });
});
