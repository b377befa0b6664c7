import { expect } from 'vitest';
import type { Span } from '../../src/lint/engine/types.js';
import { parseDockerfile } from '../../src/lint/dockerfile/index.js';
import type { DockerfileDoc } from '../../src/lint/dockerfile/index.js';

/** Parses a Dockerfile that must parse without problems (`await initShell()` first). */
export function parseDoc(text: string): DockerfileDoc {
  const result = parseDockerfile({ path: 'Dockerfile', text, kind: 'dockerfile' });
  expect(result.problems).toEqual([]);
  return result.doc!;
}

/** The text a span covers. */
export function at(text: string, span: Span | undefined): string | undefined {
  return span ? text.slice(span.start, span.end) : undefined;
}
