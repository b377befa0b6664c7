/**
 * Every regular expression in src/, found with the TypeScript compiler API so that a new one is
 * covered without anyone listing it: regex literals, and `new RegExp(…)` / `RegExp(…)` calls whose
 * pattern can be worked out from the file alone (string literals, templates and `+` over constants
 * of the same file, `[…].join(…)`, `re.source`). Calls whose pattern depends on run-time values
 * come back as `dynamic` sites; the test lists their generators by hand.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface StaticRegex {
  /** `src/…/file.ts:line`. */
  where: string;
  source: string;
  flags: string;
}

export interface DynamicSite {
  where: string;
  /** The file relative to the repository root. */
  file: string;
  /** The text of the pattern argument, e.g. `` `^${body}$` ``: how the test's list names the site. */
  argument: string;
}

export interface Inventory {
  regexes: StaticRegex[];
  dynamic: DynamicSite[];
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(?:ts|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out.sort();
}

const NOT_STATIC = Symbol('not static');
type Value = string | RegExp | readonly Value[] | typeof NOT_STATIC;

/** Constant folding over one file: what an expression evaluates to, when that needs no run time. */
class Folder {
  private readonly consts = new Map<string, ts.Expression | null>();
  private readonly active = new Set<string>();

  constructor(file: ts.SourceFile) {
    const visit = (node: ts.Node): void => {
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.initializer &&
        ts.isVariableDeclarationList(node.parent) &&
        node.parent.flags & ts.NodeFlags.Const
      ) {
        // A name declared twice (in two functions) is ambiguous: not folded.
        this.consts.set(node.name.text, this.consts.has(node.name.text) ? null : node.initializer);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  value(node: ts.Expression): Value {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isRegularExpressionLiteral(node)) {
      const end = node.text.lastIndexOf('/');
      return new RegExp(node.text.slice(1, end), node.text.slice(end + 1));
    }
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return this.value(node.expression);
    if (ts.isTemplateExpression(node)) {
      let text = node.head.text;
      for (const span of node.templateSpans) {
        const v = this.value(span.expression);
        if (typeof v !== 'string') return NOT_STATIC;
        text += v + span.literal.text;
      }
      return text;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const [l, r] = [this.value(node.left), this.value(node.right)];
      return typeof l === 'string' && typeof r === 'string' ? l + r : NOT_STATIC;
    }
    if (ts.isArrayLiteralExpression(node)) {
      const items = node.elements.map((e) => this.value(e));
      return items.includes(NOT_STATIC) ? NOT_STATIC : items;
    }
    if (ts.isIdentifier(node)) {
      const init = this.consts.get(node.text);
      if (!init || this.active.has(node.text)) return NOT_STATIC;
      this.active.add(node.text);
      try {
        return this.value(init);
      } finally {
        this.active.delete(node.text);
      }
    }
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'source') {
      const v = this.value(node.expression);
      return v instanceof RegExp ? v.source : NOT_STATIC;
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'join') {
      const items = this.value(node.expression.expression);
      const sep = node.arguments[0] ? this.value(node.arguments[0]) : ',';
      if (!Array.isArray(items) || typeof sep !== 'string' || !items.every((i) => typeof i === 'string')) return NOT_STATIC;
      return items.join(sep);
    }
    return NOT_STATIC;
  }
}

/** Every regular expression under `srcDir` (a path; `root` is what `where` is relative to). */
export function inventory(root: string, srcDir = join(root, 'src')): Inventory {
  const regexes: StaticRegex[] = [];
  const dynamic: DynamicSite[] = [];
  for (const path of sourceFiles(srcDir)) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const rel = relative(root, path).split('\\').join('/');
    const folder = new Folder(file);
    const where = (node: ts.Node) => `${rel}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const end = node.text.lastIndexOf('/');
        regexes.push({ where: where(node), source: node.text.slice(1, end), flags: node.text.slice(end + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flagsArg] = node.arguments ?? [];
        const source = pattern ? folder.value(pattern) : '';
        const flags = flagsArg ? folder.value(flagsArg) : '';
        if (typeof source === 'string' && typeof flags === 'string') regexes.push({ where: where(node), source, flags });
        else if (pattern) dynamic.push({ where: where(node), file: rel, argument: pattern.getText(file) });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { regexes, dynamic };
}
