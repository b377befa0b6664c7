/**
 * The top level of a script, for fixes that put a command before or after all of it: whether a
 * command can be chained in front (`update && <script>`) or behind (`<script> && rm …`) without
 * changing what fails and what runs. Reads the tree again; call it only for a finding's fix.
 */
import type { Node } from 'web-tree-sitter';
import type { ShellScript } from './model.js';
import { bashParser } from './tree-sitter.js';

/** What the fixes need to know of the top level of a script's tree (read before the tree is freed). */
interface TopLevel {
  /** How many statements there are (comments and operators not counted). */
  count: number;
  /** Where the last statement ends in the text. */
  lastEnd: number;
  /** The operators between (and after) the statements: `;`, `&`. */
  operators: string[];
  /** The text ends with a comment. */
  trailingComment: boolean;
  /** The first statement is one command or pipeline, or a list of them joined by `&&` only. */
  firstIsAndChain: boolean;
}

function topLevel(text: string): TopLevel | undefined {
  const tree = bashParser().parse(text);
  if (!tree) return undefined;
  try {
    const root = tree.rootNode;
    if (root.hasError) return undefined;
    const nodes: Node[] = [];
    const operators: string[] = [];
    let trailingComment = false;
    for (const child of root.children) {
      if (child.type === 'comment') {
        trailingComment = true;
        continue;
      }
      trailingComment = false;
      if (child.isNamed) nodes.push(child);
      else operators.push(child.type);
    }
    return {
      count: nodes.length,
      lastEnd: nodes[nodes.length - 1]?.endIndex ?? 0,
      operators,
      trailingComment,
      firstIsAndChain: nodes[0] !== undefined && andChain(nodes[0]),
    };
  } finally {
    tree.delete();
  }
}

/** `a && b | c && d`: tree-sitter nests a chain to the left, `((a && b) && c)`. */
function andChain(node: Node): boolean {
  for (let n: Node | null = node; n?.type === 'list'; n = n.namedChildren[0] ?? null) {
    if (n.children.some((c) => !c.isNamed && c.type !== 'comment' && c.type !== '&&')) return false;
  }
  return true;
}

/**
 * The offset in `script.text` just past its last statement, when a `&& command` written there runs
 * after all of it and only when it succeeded: nothing but blanks follows (no `;`, `&` or comment).
 */
export function chainableEnd(script: ShellScript): number | undefined {
  if (script.hasErrors) return undefined;
  const top = topLevel(script.text);
  if (!top || top.trailingComment || top.count === 0) return undefined;
  if (script.text.slice(top.lastEnd).trim() !== '') return undefined;
  return top.lastEnd;
}

/**
 * True when `command && <script>` fails whenever `command` fails, and otherwise does what the script
 * did: the script is one statement whose top-level operators are all `&&` (one command or pipeline
 * counts), so no `;`, `||`, `&` or line break could run a later part after the command failed.
 * A `;` after the only statement is harmless.
 */
export function isAndChain(script: ShellScript): boolean {
  if (script.hasErrors) return false;
  const top = topLevel(script.text);
  return top !== undefined && top.count === 1 && top.operators.every((o) => o === ';') && top.firstIsAndChain;
}
