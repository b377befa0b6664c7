import { describe, expect, test } from 'vitest';
import { dockerfileSupport, wrapShellExample } from '../../src/lint/dockerfile/index.js';
import { shellChecks } from '../../src/lint/shell/checks/index.js';

describe('shell checks', () => {
  test('are listed sorted, with unique names', () => {
    const names = shellChecks.map((c) => c.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
  });

  test('every check for Dockerfiles is a registered dockerfile rule', () => {
    const ids = new Set(dockerfileSupport.rules.map((r) => r.meta.id));
    const missing = shellChecks.filter((c) => c.hosts.includes('dockerfile') && !ids.has(`dockerfile/${c.name}`)).map((c) => c.name);
    expect(missing).toEqual([]);
  });

  test('hadolint aliases are only given for Dockerfiles', () => {
    for (const c of shellChecks) for (const code of c.aliases?.['gitlab-ci'] ?? []) expect(code).not.toMatch(/^DL/);
  });

  test('examples are wrapped into Dockerfiles: one line as RUN, several as a here-document', () => {
    expect(wrapShellExample({ script: 'apt-get install -y x', output: 'x', variables: { A: 'b c' } })).toEqual({
      code: 'FROM debian:bookworm-slim\nENV A="b c"\nRUN apt-get install -y x\n',
      output: 'FROM debian:bookworm-slim\nENV A="b c"\nRUN x\n',
    });
    expect(wrapShellExample({ script: 'set -e\napk add x', image: 'alpine:3.20' }).code).toBe('FROM alpine:3.20\nRUN <<EOF\nset -e\napk add x\nEOF\n');
  });
});
