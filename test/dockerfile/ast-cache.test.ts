/** parse.ts caches dockerfile-ast's argument tokens while it parses: the library itself must not change. */
import { DockerfileParser } from 'dockerfile-ast';
import { describe, expect, test } from 'vitest';
import { parseDockerfile } from '../../src/lint/dockerfile/index.js';
import { initShell } from '../../src/lint/shell/index.js';

const TEXT = 'FROM debian:12 AS build\nCOPY --from=build --chown=1 /a /b /c\nRUN --mount=type=cache,target=/x echo a b\n';

describe('dockerfile-ast argument cache', () => {
  test('outside slipway, repeated calls give the same arguments and flags (fresh arrays)', () => {
    const copy = DockerfileParser.parse(TEXT).getInstructions()[1]!;
    const first = copy.getArguments().map((a) => a.getValue());
    expect(first).toEqual(['/a', '/b', '/c']);
    expect(copy.getArguments().map((a) => a.getValue())).toEqual(first);
    expect(copy.getArguments()).not.toBe(copy.getArguments());
  });

  test('slipway parses flags and arguments alike, also after a plain dockerfile-ast parse', async () => {
    await initShell();
    DockerfileParser.parse(TEXT);
    const doc = parseDockerfile({ path: 'Dockerfile', text: TEXT, kind: 'dockerfile' }).doc!;
    const [, copy, run] = doc.instructions;
    expect(copy!.args.map((a) => a.value)).toEqual(['/a', '/b', '/c']);
    expect(copy!.flags.map((f) => f.name)).toEqual(['from', 'chown']);
    expect(run!.args.map((a) => a.value)).toEqual(['echo', 'a', 'b']);
  });
});
