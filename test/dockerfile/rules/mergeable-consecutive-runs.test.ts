import { describe, expect, test } from 'vitest';
import { at, hits } from './helpers.js';

const rule = 'mergeable-consecutive-runs';

describe(rule, () => {
  test('each RUN after a single-command RUN is reported on its keyword, naming the line before', async () => {
    const text = 'FROM debian:12\nRUN a\nrun b\nRUN c\n';
    const found = await hits(rule, text);
    expect(found.map((h) => h.at)).toEqual(['run', 'RUN']);
    expect(found[0]!.message).toContain('line 2');
  });

  test('commands inside $(…) do not count as chaining; exec form counts as one command', async () => {
    expect(await at(rule, 'FROM debian:12\nRUN echo "$(date)" > /built\nRUN ["touch", "/ready"]\n')).toEqual(['RUN']);
  });

  test('other instructions, flags and here-documents separate RUNs', async () => {
    const text =
      'FROM debian:12\nRUN a\nONBUILD RUN b\nRUN c\nRUN --network=none d\nRUN <<EOF\ne\nEOF\nRUN f\n';
    expect(await at(rule, text)).toEqual([]);
  });

  test('stages are separate', async () => {
    expect(await at(rule, 'FROM debian:12 AS a\nRUN a\nFROM debian:12\nRUN b\n')).toEqual([]);
  });
});
