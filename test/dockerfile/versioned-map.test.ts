import { describe, expect, test } from 'vitest';
import { VersionedMap } from '../../src/lint/dockerfile/versioned-map.js';
import { parseDockerfile } from '../../src/lint/dockerfile/index.js';
import { initShell } from '../../src/lint/shell/index.js';

describe('VersionedMap', () => {
  test('each version keeps its values; later versions see changes, earlier ones do not', () => {
    const v0 = VersionedMap.empty<number>();
    const v1 = v0.with([['a', 1], ['b', 2]]);
    const v2 = v1.with([['a', 3]]);
    expect(v0.get('a')).toBeUndefined();
    expect(v1.get('a')).toBe(1);
    expect(v2.get('a')).toBe(3);
    expect(v2.get('b')).toBe(2);
    expect([v1.has('b'), v0.has('b'), v2.has('c')]).toEqual([true, false, false]);
  });

  test('iterates like a Map: keys in the order first set, the value of the version, size', () => {
    const m = VersionedMap.empty<number>().with([['b', 1]]).with([['a', 2]]).with([['b', 3]]);
    expect([...m]).toEqual([...new Map([['b', 1], ['a', 2]]).set('b', 3)]);
    expect([...m.keys()]).toEqual(['b', 'a']);
    expect([...m.values()]).toEqual([3, 2]);
    expect(m.size).toBe(2);
    const seen: string[] = [];
    m.forEach((v, k) => seen.push(`${k}=${v}`));
    expect(seen).toEqual(['b=3', 'a=2']);
  });

  test('the same key twice in one change: the later value wins', () => {
    expect(VersionedMap.empty<number>().with([['a', 1], ['a', 2]]).get('a')).toBe(2);
  });

  test('two changes of the same version do not see each other', () => {
    const base = VersionedMap.empty<string>().with([['x', 'base']]);
    const left = base.with([['x', 'left'], ['l', 'only left']]);
    const right = base.with([['x', 'right']]);
    expect([left.get('x'), right.get('x'), base.get('x')]).toEqual(['left', 'right', 'base']);
    expect([right.has('l'), left.has('l')]).toEqual([false, true]);
    expect([...right.keys()]).toEqual(['x']);
    expect(left.with([['y', '1']]).get('x')).toBe('left');
  });
});

describe('build state of many variables', () => {
  test('20,000 ENV lines: each instruction sees the values set before it, a later stage inherits them', async () => {
    await initShell();
    const lines = ['FROM debian:12 AS base'];
    for (let i = 0; i < 20_000; i++) lines.push(`ENV V${i}=${i}`);
    lines.push('FROM base AS a', 'ENV V0=a', 'RUN true', 'FROM base AS b', 'RUN true');
    const doc = parseDockerfile({ path: 'Dockerfile', text: lines.join('\n') + '\n', kind: 'dockerfile' }).doc!;
    const env = doc.stages[0]!.instructions;
    expect(env[1]!.state.variable('V0')).toBeUndefined();
    expect(env[2]!.state.variable('V0')).toBe('0');
    expect(env[20_000]!.state.variable('V19999')).toBeUndefined();
    expect(doc.stages[0]!.endState.variable('V19999')).toBe('19999');
    const [runA, runB] = doc.find('RUN');
    expect([runA!.state.variable('V0'), runB!.state.variable('V0'), runB!.state.variable('V123')]).toEqual(['a', '0', '123']);
    expect(runB!.state.env.size).toBe(20_000);
  });
});
