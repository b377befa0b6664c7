/**
 * The tokens of GitLab's CI/CD variable expressions (`rules:if`, `only/except:variables`).
 *
 * Written from GitLab's documentation of the syntax and matching its lexer's behaviour:
 * tokens are tried in a fixed order at each position after skipping whitespace, strings cannot
 * contain their own quote (there is no escape), a `/pattern/` needs at least two characters
 * between its slashes (`\/` escapes a slash) and takes the flags `i`, `s`, `m`, `U`, and an
 * expression has at most 100 tokens.
 */

export type TokenType =
  | '('
  | ')'
  | 'variable'
  | 'string'
  | 'pattern'
  | 'null'
  | '=='
  | '=~'
  | '!='
  | '!~'
  | '&&'
  | '||';

export interface Token {
  type: TokenType;
  /** The token as written. */
  text: string;
  /** [start, end) in the expression string. */
  start: number;
  end: number;
}

/** A syntax error with its position in the expression string. */
export interface ExpressionError {
  message: string;
  start: number;
  end: number;
}

export const MAX_TOKENS = 100;

const LEXEMES: ReadonlyArray<[TokenType, RegExp]> = [
  ['(', /\(/y],
  [')', /\)/y],
  ['variable', /\$\w+/y],
  ['string', /"[^"\n]*"|'[^'\n]*'/y],
  ['pattern', /\/(?:[^/\n]|\\\/)+[^\\\n]\/[ismU]*/y],
  ['null', /null/y],
  ['==', /==/y],
  ['=~', /=~/y],
  ['!=', /!=/y],
  ['!~', /!~/y],
  ['&&', /&&/y],
  ['||', /\|\|/y],
];

export function tokenize(text: string): { tokens: Token[]; error?: ExpressionError } {
  const tokens: Token[] = [];
  let pos = 0;
  for (;;) {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
    if (pos >= text.length) return { tokens };
    if (tokens.length >= MAX_TOKENS) {
      return { tokens, error: { message: `an expression may have at most ${MAX_TOKENS} tokens; split the condition into several rules`, start: pos, end: text.length } };
    }
    let matched: Token | undefined;
    for (const [type, re] of LEXEMES) {
      re.lastIndex = pos;
      const m = re.exec(text);
      if (m) {
        matched = { type, text: m[0], start: pos, end: pos + m[0].length };
        break;
      }
    }
    if (!matched) return { tokens, error: unknownToken(text, pos) };
    tokens.push(matched);
    pos = matched.end;
  }
}

/** Explain a character sequence no token matches, with the fix for the usual mistakes. */
function unknownToken(text: string, pos: number): ExpressionError {
  const rest = text.slice(pos);
  const word = /^[\w.\-/:@]+/.exec(rest)?.[0];
  const at = (len: number, message: string): ExpressionError => ({ message, start: pos, end: pos + Math.max(1, len) });

  if (rest.startsWith('${')) {
    const m = /^\$\{(\w*)\}?/.exec(rest)!;
    return at(m[0].length, `\`${m[0]}\` is not a variable in an expression: write \`$${m[1] || 'NAME'}\` without braces`);
  }
  if (rest.startsWith('$')) return at(1, '`$` must be followed by a variable name (letters, digits, `_`)');
  if (rest[0] === '"' || rest[0] === "'") {
    return at(rest.length, `the string starting here is never closed with \`${rest[0]}\` (a string cannot contain its own quote character or span lines)`);
  }
  if (rest[0] === '/') {
    return at(
      rest.length,
      'this `/pattern/` is not complete: a pattern is `/regex/` with at least two characters between the slashes (escape a slash inside as `\\/`), optionally followed by the flags i, m, s, U',
    );
  }
  if (rest.startsWith('=') ) return at(1, '`=` is not an operator: compare with `==` or `!=`, match with `=~` or `!~`');
  if (rest[0] === '!') return at(1, 'there is no `!` negation in GitLab expressions: compare with `== null`, `!=` or `!~` instead');
  if (rest[0] === '&') return at(1, 'use `&&` for "and"');
  if (rest[0] === '|') return at(1, 'use `||` for "or"');
  if (rest[0] === '<' || rest[0] === '>') return at(1, `\`${rest[0]}\` is not an operator: expressions compare strings with \`==\`, \`!=\`, \`=~\` and \`!~\` only`);
  if (word) {
    if (word === 'true' || word === 'false') {
      return at(word.length, `\`${word}\` is not a value in GitLab expressions (there are no booleans): quote it, \`"${word}"\`, to compare with a variable's text`);
    }
    if (word === 'and' || word === 'or' || word === 'not') {
      return at(word.length, `\`${word}\` is not an operator: use \`&&\` and \`||\` (there is no negation)`);
    }
    return at(word.length, `\`${word}\` is not a value: quote strings (\`"${word}"\`), write variables as \`$NAME\``);
  }
  return at(1, `unexpected \`${rest[0]}\`: expressions are made of \`$VARIABLES\`, quoted strings, \`/patterns/\`, \`null\`, \`==\`, \`!=\`, \`=~\`, \`!~\`, \`&&\`, \`||\` and parentheses`);
}
