/**
 * A static check on templates: every `{{…}}` that prints something must go through one of the
 * format's quoting helpers (its "sinks"). A bare `{{value}}` or a triple-stash `{{{value}}}`
 * would print a descriptor value unquoted, so a template using one is a bug and is refused
 * when it is loaded.
 */
import Handlebars from 'handlebars';

type Node = hbs.AST.Node;

const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);

/** Problems found in a template's source; empty when every output goes through a sink. */
export function unsafeOutputs(source: string, sinks: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const where = (node: Node) => `line ${node.loc?.start.line ?? '?'}`;
  const visit = (node: Node | undefined | null): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const child of (node as hbs.AST.Program).body) visit(child);
        return;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        const name = m.path.type === 'PathExpression' ? (m.path as hbs.AST.PathExpression).original : m.path.type;
        if (!m.escaped) problems.push(`${where(node)}: triple-stash {{{${name}}}} prints a value unquoted`);
        else if (!sinks.has(name) || m.params.length === 0) {
          problems.push(`${where(node)}: {{${name}}} must go through a quoting helper (${[...sinks].join(', ')})`);
        }
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        const name = (b.path as hbs.AST.PathExpression).original;
        if (!BLOCK_HELPERS.has(name)) problems.push(`${where(node)}: unknown block helper #${name}`);
        visit(b.program);
        visit(b.inverse);
        return;
      }
      case 'PartialStatement':
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      default:
        problems.push(`${where(node)}: unsupported template construct ${node.type}`);
    }
  };
  visit(Handlebars.parse(source));
  return problems;
}
