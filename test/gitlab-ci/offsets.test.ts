import { describe, expect, test } from 'vitest';
import { getIn, type YScalar } from '../../src/lint/gitlab-ci/yaml/nodes.js';
import { valueOffset, valueSpan } from '../../src/lint/gitlab-ci/yaml/offsets.js';
import { loadYaml } from '../../src/lint/gitlab-ci/yaml/load.js';

function scalar(text: string, key = 'k'): YScalar {
  const loaded = loadYaml({ path: 'x.yml', text, kind: 'gitlab-ci' });
  return getIn(loaded.root as never, key) as YScalar;
}

/** The file text at the offset of each index of `word` inside the value. */
function mapped(text: string, word: string): string {
  const node = scalar(text);
  const i = String(node.value).indexOf(word);
  const span = valueSpan(node, i, i + word.length);
  return text.slice(span.start, span.end);
}

describe('positions inside a scalar value', () => {
  test('plain', () => {
    expect(mapped('k: $A == main\n', 'main')).toBe('main');
  });
  test('single-quoted with an escaped quote', () => {
    expect(mapped("k: 'it''s $A == main'\n", 'main')).toBe('main');
  });
  test('double-quoted with escapes', () => {
    expect(mapped('k: "a\\tb \\"q\\" $A == main"\n', 'main')).toBe('main');
  });
  test('literal block', () => {
    expect(mapped('k: |\n  echo one\n  curl x | sh\n', 'curl')).toBe('curl');
  });
  test('an index past the end maps just after the value', () => {
    const node = scalar('k: abc\n');
    expect(valueOffset(node, 3)).toBe(6);
  });
});
