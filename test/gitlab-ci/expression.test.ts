import { describe, expect, test } from 'vitest';
import { parseExpression } from '../../src/lint/gitlab-ci/expression/parse.js';
import type { ExpressionNode } from '../../src/lint/gitlab-ci/expression/parse.js';
import { MAX_TOKENS } from '../../src/lint/gitlab-ci/expression/lexer.js';

/** A compact form of the tree: (a && b), $VAR, "str", /re/i, null. */
function show(node: ExpressionNode): string {
  switch (node.type) {
    case 'variable':
      return `$${node.name}`;
    case 'string':
      return JSON.stringify(node.value);
    case 'pattern':
      return `/${node.source}/${node.flags}`;
    case 'null':
      return 'null';
    default:
      return `(${show(node.left)} ${node.operator} ${show(node.right)})`;
  }
}

const tree = (text: string) => {
  const parsed = parseExpression(text);
  if (!parsed.ast) throw new Error(parsed.error?.message);
  return show(parsed.ast);
};
const error = (text: string) => {
  const parsed = parseExpression(text);
  expect(parsed.ast).toBeUndefined();
  const e = parsed.error!;
  return { at: text.slice(e.start, e.end), message: e.message };
};

describe('valid expressions', () => {
  test.each([
    ['$CI_COMMIT_TAG', '$CI_COMMIT_TAG'],
    ['$CI_COMMIT_BRANCH == "main"', '($CI_COMMIT_BRANCH == "main")'],
    ["$CI_COMMIT_BRANCH != 'main'", '($CI_COMMIT_BRANCH != "main")'],
    ['$CI_COMMIT_TAG == null', '($CI_COMMIT_TAG == null)'],
    ['$CI_COMMIT_REF_NAME =~ /^release-\\d+$/i', '($CI_COMMIT_REF_NAME =~ /^release-\\d+$/i)'],
    ['$A !~ /fo\\/o/', '($A !~ /fo\\/o/)'],
    ['$A == $B', '($A == $B)'],
    ['$A || $B && $C', '($A || ($B && $C))'],
    ['($A || $B) && $C', '(($A || $B) && $C)'],
    ['$A=="x"&&$B', '(($A == "x") && $B)'],
    ['"literal"', '"literal"'],
  ])('%s', (text, expected) => {
    expect(tree(text)).toBe(expected);
  });

  test('positions of nodes are offsets in the expression', () => {
    const ast = parseExpression('  $A == "b"').ast!;
    expect([ast.start, ast.end]).toEqual([2, 11]);
  });
});

describe('invalid expressions, with the offending token and the fix', () => {
  test('unquoted string', () => {
    expect(error('$CI_COMMIT_BRANCH == main')).toEqual({ at: 'main', message: '`main` is not a value: quote strings (`"main"`), write variables as `$NAME`' });
  });
  test('single = ', () => {
    expect(error('$A = "x"').at).toBe('=');
    expect(error('$A = "x"').message).toMatch(/compare with `==`/);
  });
  test('! negation', () => {
    expect(error('!$CI_COMMIT_TAG').message).toMatch(/no `!` negation/);
  });
  test('${VAR}', () => {
    expect(error('${CI_COMMIT_TAG} == "x"')).toEqual({ at: '${CI_COMMIT_TAG}', message: '`${CI_COMMIT_TAG}` is not a variable in an expression: write `$CI_COMMIT_TAG` without braces' });
  });
  test('booleans are not values', () => {
    expect(error('$DEPLOY == true').message).toMatch(/no booleans/);
  });
  test('single & and |', () => {
    expect(error('$A & $B').message).toBe('use `&&` for "and"');
    expect(error('$A | $B').message).toBe('use `||` for "or"');
  });
  test('unclosed string', () => {
    expect(error('$A == "main').at).toBe('"main');
  });
  test('unclosed and stray parentheses', () => {
    expect(error('($A || $B')).toEqual({ at: '(', message: 'this `(` is never closed with `)`' });
    expect(error('$A)').message).toBe('this `)` closes no `(`');
  });
  test('a missing operand or operator', () => {
    expect(error('$A ==').message).toMatch(/^the expression ends after `==`/);
    expect(error('$A $B').at).toBe('$B');
    expect(error('$A && || $B').at).toBe('||');
  });
  test('a one-character pattern, as GitLab reads it', () => {
    expect(error('$A =~ /a/').message).toMatch(/at least two characters/);
  });
  test('a pattern that is not a regular expression', () => {
    expect(error('$A =~ /(ab/').message).toMatch(/not a valid regular expression/);
  });
  test('RE2 has no lookaround', () => {
    expect(error('$A =~ /^(?!main$)/').message).toMatch(/lookaround/);
  });
  test('an empty expression', () => {
    expect(error('   ').message).toMatch(/empty/);
  });
  test('too many tokens', () => {
    const text = Array.from({ length: MAX_TOKENS / 2 + 1 }, (_, i) => `$V${i}`).join(' || ');
    expect(error(text).message).toMatch(/at most 100 tokens/);
  });
});
