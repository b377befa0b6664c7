/**
 * Parse a GitLab CI/CD variable expression into a small tree, or explain why it is not one.
 *
 * Grammar (from GitLab's docs on `rules:if`; `&&` binds tighter than `||`):
 *
 *   expression := and ( '||' and )*
 *   and        := comparison ( '&&' comparison )*
 *   comparison := operand ( ('==' | '!=' | '=~' | '!~') operand )*
 *   operand    := $VARIABLE | "string" | 'string' | /pattern/flags | null | '(' expression ')'
 *
 * A lone operand is a valid statement (`$CI_COMMIT_TAG` is true when the variable is set and not
 * empty). Positions in errors are offsets in the expression string; map them to the file with
 * `valueSpan` from ../yaml/offsets.js.
 */
import type { ExpressionError, Token } from './lexer.js';
import { tokenize } from './lexer.js';

export type ComparisonOperator = '==' | '!=' | '=~' | '!~';

export type ExpressionNode =
  | { type: 'variable'; name: string; start: number; end: number }
  | { type: 'string'; value: string; start: number; end: number }
  | { type: 'pattern'; source: string; flags: string; start: number; end: number }
  | { type: 'null'; start: number; end: number }
  | { type: 'comparison'; operator: ComparisonOperator; left: ExpressionNode; right: ExpressionNode; start: number; end: number }
  | { type: 'logical'; operator: '&&' | '||'; left: ExpressionNode; right: ExpressionNode; start: number; end: number };

export interface ParsedExpression {
  /** The tree, when the expression is valid. */
  ast?: ExpressionNode;
  error?: ExpressionError;
  tokens: Token[];
}

const OPERAND_HELP = 'a `$VARIABLE`, a quoted string, a `/pattern/`, `null` or a parenthesised expression';

export function parseExpression(text: string): ParsedExpression {
  const { tokens, error } = tokenize(text);
  if (error) return { tokens, error };
  if (tokens.length === 0) {
    return { tokens, error: { message: 'the expression is empty; write a condition such as `$CI_COMMIT_BRANCH == "main"`, or remove `if:`', start: 0, end: text.length } };
  }
  const parser = new Parser(tokens, text);
  try {
    const ast = parser.expression();
    if (!parser.done()) {
      const t = parser.peek()!;
      const message =
        t.type === ')'
          ? 'this `)` closes no `(`'
          : `expected \`&&\`, \`||\` or the end of the expression before \`${t.text}\`; join conditions with \`&&\` or \`||\``;
      return { tokens, error: { message, start: t.start, end: t.end } };
    }
    const patternError = checkPatterns(ast);
    if (patternError) return { tokens, error: patternError };
    return { tokens, ast };
  } catch (e) {
    if (e instanceof SyntaxProblem) return { tokens, error: e.error };
    throw e;
  }
}

class SyntaxProblem extends Error {
  constructor(readonly error: ExpressionError) {
    super(error.message);
  }
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
  ) {}

  done(): boolean {
    return this.pos >= this.tokens.length;
  }
  peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  expression(): ExpressionNode {
    let left = this.and();
    while (this.peek()?.type === '||') {
      this.pos++;
      const right = this.and();
      left = { type: 'logical', operator: '||', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private and(): ExpressionNode {
    let left = this.comparison();
    while (this.peek()?.type === '&&') {
      this.pos++;
      const right = this.comparison();
      left = { type: 'logical', operator: '&&', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private comparison(): ExpressionNode {
    let left = this.operand();
    for (;;) {
      const t = this.peek();
      if (!t || (t.type !== '==' && t.type !== '!=' && t.type !== '=~' && t.type !== '!~')) return left;
      this.pos++;
      const right = this.operand();
      left = { type: 'comparison', operator: t.type, left, right, start: left.start, end: right.end };
    }
  }

  private operand(): ExpressionNode {
    const t = this.peek();
    if (!t) {
      const prev = this.tokens[this.pos - 1]!;
      throw new SyntaxProblem({ message: `the expression ends after \`${prev.text}\`; expected ${OPERAND_HELP}`, start: prev.start, end: prev.end });
    }
    this.pos++;
    switch (t.type) {
      case 'variable':
        return { type: 'variable', name: t.text.slice(1), start: t.start, end: t.end };
      case 'string':
        return { type: 'string', value: t.text.slice(1, -1), start: t.start, end: t.end };
      case 'null':
        return { type: 'null', start: t.start, end: t.end };
      case 'pattern': {
        const last = t.text.lastIndexOf('/');
        return { type: 'pattern', source: t.text.slice(1, last), flags: t.text.slice(last + 1), start: t.start, end: t.end };
      }
      case '(': {
        const inner = this.expression();
        const close = this.peek();
        if (close?.type !== ')') {
          throw new SyntaxProblem({ message: 'this `(` is never closed with `)`', start: t.start, end: t.end });
        }
        this.pos++;
        return { ...inner, start: t.start, end: close.end };
      }
      default:
        throw new SyntaxProblem({ message: `expected ${OPERAND_HELP} before \`${t.text}\``, start: t.start, end: t.end });
    }
  }
}

/** A pattern GitLab cannot compile is an error too (it uses RE2; JS syntax is close enough to catch typos). */
function checkPatterns(node: ExpressionNode): ExpressionError | undefined {
  switch (node.type) {
    case 'pattern': {
      const source = node.source.replace(/\\\//g, '/');
      // RE2/Ruby-only syntax JS lacks: named groups (?P<x>), inline flags (?i), \A \z \Z.
      const jsSource = source.replace(/\(\?P</g, '(?<').replace(/\(\?[imsU-]+\)/g, '').replace(/\\[Azh]/gi, '');
      try {
        new RegExp(jsSource, node.flags.replace(/[U]/g, ''));
      } catch (e) {
        const reason = (e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '');
        return { message: `the pattern \`/${node.source}/\` is not a valid regular expression: ${reason}`, start: node.start, end: node.end };
      }
      if (/\(\?<?[=!]/.test(source)) {
        return { message: `the pattern \`/${node.source}/\` uses a lookaround, which GitLab's regular expression engine (RE2) does not support`, start: node.start, end: node.end };
      }
      return undefined;
    }
    case 'comparison':
    case 'logical':
      return checkPatterns(node.left) ?? checkPatterns(node.right);
    default:
      return undefined;
  }
}
