/** Positions inside folded blocks and multi-line flow scalars (the value is aligned with the source). */
import { describe, expect, test } from 'vitest';
import { getIn, type YScalar } from '../../src/lint/gitlab-ci/yaml/nodes.js';
import { valueOffset, valueSpan } from '../../src/lint/gitlab-ci/yaml/offsets.js';
import { loadYaml } from '../../src/lint/gitlab-ci/yaml/load.js';

function scalar(text: string): YScalar {
  const loaded = loadYaml({ path: 'x.yml', text, kind: 'gitlab-ci' });
  return getIn(loaded.root as never, 'k') as YScalar;
}

/** Every character of the value, mapped to the file: the file text at each mapped offset. */
function everyCharacter(text: string): { value: string; mapped: string } {
  const node = scalar(text);
  const value = String(node.value);
  let mapped = '';
  for (let i = 0; i < value.length; i++) mapped += text[valueOffset(node, i)];
  return { value, mapped };
}

function mapped(text: string, word: string, nth = 0): string {
  const node = scalar(text);
  const value = String(node.value);
  let i = -1;
  for (let k = 0; k <= nth; k++) i = value.indexOf(word, i + 1);
  const span = valueSpan(node, i, i + word.length);
  return text.slice(span.start, span.end);
}

describe('folded blocks', () => {
  test('a line break folded into a space maps to the line break; words map exactly', () => {
    const text = 'k: >\n  docker build\n    --pull\n  --cache-from x .\n';
    expect(mapped(text, '--cache-from')).toBe('--cache-from');
    expect(mapped(text, '--pull')).toBe('--pull');
    const { value, mapped: all } = everyCharacter(text);
    expect(value).toBe('docker build\n  --pull\n--cache-from x .\n');
    // More-indented lines keep their extra indentation as content.
    expect(all).toBe('docker build\n  --pull\n--cache-from x .\n');
  });
  test('folded into spaces, with strip chomping and a blank line', () => {
    const text = 'k: >-\n    echo one\n    echo two\n\n    echo three\n';
    const { value, mapped: all } = everyCharacter(text);
    expect(value).toBe('echo one echo two\necho three');
    expect(all).toBe('echo one\necho two\necho three');
    expect(mapped(text, 'three')).toBe('three');
  });
  test('in a list item', () => {
    const text = 'k:\n  - >\n    ssh -o\n    StrictHostKeyChecking=no host\n';
    const node = (getIn(loadYaml({ path: 'x.yml', text, kind: 'gitlab-ci' }).root as never, 'k') as { items: YScalar[] }).items[0]!;
    const value = String(node.value);
    const i = value.indexOf('StrictHostKeyChecking');
    const span = valueSpan(node, i, i + 'StrictHostKeyChecking=no'.length);
    expect(text.slice(span.start, span.end)).toBe('StrictHostKeyChecking=no');
  });
});

describe('multi-line flow scalars', () => {
  test('plain', () => {
    const text = 'k: docker run\n   -it alpine\n   sh\n';
    expect(mapped(text, '-it')).toBe('-it');
    expect(mapped(text, 'sh')).toBe('sh');
  });
  test('double-quoted with escapes and an escaped line break', () => {
    const text = 'k: "echo \\"a\\" \\\n  && docker login\n  -p \\"$X\\""\n';
    expect(String(scalar(text).value)).toBe('echo "a" && docker login -p "$X"');
    expect(mapped(text, 'login')).toBe('login');
    expect(mapped(text, '$X')).toBe('$X');
    expect(mapped(text, '"a"')).toBe('\\"a\\');
  });
  test("single-quoted with '' escapes", () => {
    const text = "k: 'it''s\n  a ''quoted'' word'\n";
    expect(String(scalar(text).value)).toBe("it's a 'quoted' word");
    expect(mapped(text, 'word')).toBe('word');
    expect(mapped(text, 'quoted')).toBe('quoted');
  });
});
