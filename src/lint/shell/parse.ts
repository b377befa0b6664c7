/**
 * Shell text → `ShellScript`: tree-sitter-bash parses, this module walks the tree into simple commands.
 *
 * How the tree becomes commands:
 * - `command` nodes are simple commands: `variable_assignment` children are prefixes, `command_name` the
 *   name, redirect children redirects, every other named child an argument.
 * - `declaration_command` (export/local/declare/readonly/typeset), `unset_command` and `test_command`
 *   (`[ … ]`) are commands too, of their own kinds; a statement that is only assignments (`X=$(cmd)`) is
 *   an `assignment` command whose values are walked.
 * - Here-document bodies are data, not commands, except `$(…)` in an unquoted body (it runs) and bodies
 *   read by a shell (`bash <<EOF`, `sh -s <<'EOF'`), which are parsed as scripts.
 * - `sh -c '…'` / `bash -c "…"` with a literal script: the script is parsed too.
 * Commands found in nested scripts have `context.nested` set.
 */
import type { Node } from 'web-tree-sitter';
import type { Span } from '../engine/types.js';
import type {
  ShellAssignment,
  ShellCommand,
  ShellCommandContext,
  ShellCommandKind,
  ShellDialect,
  ShellPipeline,
  ShellRedirect,
  ShellScript,
  ShellWord,
} from './model.js';
import { SourceMap } from './source-map.js';
import { bashParser } from './tree-sitter.js';
import { programName, unquoteWord } from './words.js';
import { assignmentFromWord, unwrap } from './wrappers.js';
import { pushAll } from '../../util/push-all.js';

export interface ParseShellOptions {
  /**
   * Maps offsets of `text` to file offsets. Default: `text` is the file itself (offset 0); pass
   * `SourceMap.verbatim(start, text.length)` for a slice of a file.
   */
  map?: SourceMap;
  /** Which shell runs the text; default `sh`. */
  dialect?: ShellDialect;
}

/** Programs that run a script given with `-c` or on standard input. */
export const POSIX_SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);

const ROOT_CONTEXT: ShellCommandContext = {
  subshell: false,
  substitution: false,
  condition: false,
  background: false,
  function: false,
  nested: false,
};

/** Limits nested parsing (`bash -c "sh -c '…'"`) so hostile input cannot recurse without end. */
const MAX_NESTING = 4;

/**
 * Parses shell text into its simple commands. Synchronous; `await initShell()` must have completed.
 * Never throws on odd input: syntax errors set `hasErrors` and the commands that parsed are returned.
 */
export function parseShell(text: string, options: ParseShellOptions = {}): ShellScript {
  const map = options.map ?? SourceMap.verbatim(0, text.length);
  const dialect = options.dialect ?? 'sh';
  const walker = new Walker(text, map, 0);
  walker.run();
  return walker.finish(dialect);
}

/**
 * A script that is one command given as an argument vector (Dockerfile exec form
 * `RUN ["apt-get", "install", "-y", "curl"]`). When the program is a shell run with `-c`, the script
 * string is parsed as well; `valueMaps[i]` maps the value of `argv[i]` to the file (for JSON strings
 * with escapes), default: the value is the word's text without its quotes.
 */
export function parseArgv(argv: readonly ShellWord[], options: { dialect?: ShellDialect; valueMaps?: readonly (SourceMap | undefined)[] } = {}): ShellScript {
  const start = argv[0]?.span.start ?? 0;
  const walker = new Walker('', new SourceMap(start), 0);
  walker.addArgv(argv, options.valueMaps ?? []);
  return walker.finish(options.dialect ?? 'sh');
}

interface NestedScript {
  text: string;
  map: SourceMap;
  context: ShellCommandContext;
}

class Walker {
  readonly commands: ShellCommand[] = [];
  readonly pipelines: ShellPipeline[] = [];
  readonly errors: Span[] = [];
  hasErrors = false;
  private readonly nested: NestedScript[] = [];

  constructor(
    private readonly text: string,
    private readonly map: SourceMap,
    private readonly depth: number,
  ) {}

  run(): void {
    if (this.text.trim() === '') return;
    const tree = bashParser().parse(this.text);
    if (!tree) {
      this.hasErrors = true;
      this.errors.push(this.map.spanToFile({ start: 0, end: this.text.length }));
      return;
    }
    try {
      if (tree.rootNode.hasError) this.hasErrors = true;
      this.visit(tree.rootNode, ROOT_CONTEXT, undefined);
    } catch (error) {
      // Thousands of nested subshells or substitutions exhaust the stack: keep what was read.
      if (!(error instanceof RangeError)) throw error;
      this.hasErrors = true;
      this.errors.push(this.map.spanToFile({ start: 0, end: this.text.length }));
    } finally {
      tree.delete();
    }
  }

  finish(dialect: ShellDialect): ShellScript {
    this.runNested();
    this.commands.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
    this.commands.forEach((c, i) => (c.index = i));
    this.pipelines.sort((a, b) => a.span.start - b.span.start);
    return {
      text: this.text,
      dialect,
      commands: this.commands,
      pipelines: this.pipelines,
      hasErrors: this.hasErrors,
      errors: this.errors,
      map: this.map,
    };
  }

  /** Parses the queued nested scripts (`sh -c`, `bash <<EOF`) and merges their commands. */
  private runNested(): void {
    const pending = this.nested.splice(0);
    for (const n of pending) {
      const inner = new Walker(n.text, n.map, this.depth + 1);
      inner.run();
      inner.runNested();
      for (const c of inner.commands) {
        c.context = withContext(withContext(n.context, c.context), { nested: true });
        this.commands.push(c);
      }
      for (const p of inner.pipelines) this.pipelines.push(p);
      for (const e of inner.errors) this.errors.push(e);
      if (inner.hasErrors) this.hasErrors = true;
    }
  }

  // ---- tree walk -------------------------------------------------------------------------------

  private visit(node: Node, ctx: ShellCommandContext, pipeline: ShellPipeline | undefined): void {
    switch (node.type) {
      case 'comment':
        return;
      case 'ERROR':
        this.errors.push(this.span(node));
        this.visitChildren(node, ctx, pipeline);
        return;
      case 'command':
        this.visitCommand(node, ctx, pipeline, []);
        return;
      case 'declaration_command':
      case 'unset_command':
      case 'test_command':
        this.visitSpecialCommand(node, ctx, pipeline, []);
        return;
      case 'variable_assignment':
      case 'variable_assignments':
        this.visitAssignmentStatement(node, ctx, pipeline);
        return;
      case 'redirected_statement':
        this.visitRedirected(node, ctx, pipeline);
        return;
      case 'pipeline':
        this.visitPipeline(node, ctx, false);
        return;
      case 'negated_command': {
        const inner = node.namedChildren.find((c) => c.type !== 'comment');
        if (inner?.type === 'pipeline') this.visitPipeline(inner, ctx, true);
        else this.visitChildren(node, ctx, pipeline);
        return;
      }
      case 'list':
        this.visitList(node, ctx, pipeline);
        return;
      case 'subshell':
        this.visitChildren(node, withContext(ctx, { subshell: true }), pipeline);
        return;
      case 'command_substitution':
      case 'process_substitution':
        this.visitChildren(node, withContext(ctx, { substitution: true }), undefined);
        return;
      case 'function_definition':
        this.visitChildren(node, withContext(ctx, { function: true }), undefined);
        return;
      case 'if_statement':
      case 'elif_clause':
      case 'while_statement':
        this.visitConditional(node, ctx);
        return;
      default:
        if (node.isMissing) {
          this.hasErrors = true;
          this.errors.push(this.span(node));
        }
        if (node.childCount > 0) this.visitChildren(node, ctx, pipeline);
    }
  }

  private visitChildren(node: Node, ctx: ShellCommandContext, pipeline: ShellPipeline | undefined): void {
    const children = node.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.isNamed || child.childCount > 0) {
        const background = children[i + 1]?.type === '&' && !ctx.background;
        this.visit(child, background ? withContext(ctx, { background: true }) : ctx, pipeline);
      }
      else if (child.isMissing) {
        this.hasErrors = true;
        this.errors.push(this.span(child));
      }
    }
  }

  /** Statements before `then`/`do` are conditions. */
  private visitConditional(node: Node, ctx: ShellCommandContext): void {
    let inCondition = true;
    for (const child of node.children) {
      if (!child.isNamed) {
        if (child.type === 'then' || child.type === 'do') inCondition = false;
        continue;
      }
      if (child.type === 'do_group' || child.type === 'elif_clause' || child.type === 'else_clause') inCondition = false;
      this.visit(child, inCondition ? withContext(ctx, { condition: true }) : ctx, undefined);
    }
  }

  /**
   * `a && b`, `a || b`: the left side is a condition. tree-sitter nests a chain to the left
   * (`((a && b) && c)`); it is flattened here so long chains do not recurse.
   */
  private visitList(node: Node, ctx: ShellCommandContext, pipeline: ShellPipeline | undefined): void {
    const tails: Node[][] = [];
    let current: Node = node;
    for (;;) {
      const children: Node[] = current.children;
      const head = children[0];
      tails.push(children.slice(1));
      if (head?.type !== 'list') {
        if (head) tails.push([head]);
        break;
      }
      current = head;
    }
    const items = tails.reverse().flat();
    for (let i = 0; i < items.length; i++) {
      const child = items[i]!;
      if (!child.isNamed) continue;
      const next = items[i + 1];
      const op = next && !next.isNamed ? next.type : undefined;
      const childCtx = op === '&&' || op === '||' ? withContext(ctx, { condition: true }) : ctx;
      this.visit(child, childCtx, pipeline);
    }
  }

  private visitPipeline(node: Node, ctx: ShellCommandContext, negated: boolean): void {
    // tree-sitter reads `! a | b` as a pipeline whose first stage is negated.
    const firstStage = node.namedChildren[0];
    const p: ShellPipeline = { commands: [], operators: [], span: this.span(node), negated: negated || firstStage?.type === 'negated_command' };
    this.pipelines.push(p);
    for (const child of node.children) {
      if (!child.isNamed) {
        if (child.type === '|' || child.type === '|&') p.operators.push({ text: child.type, span: this.span(child) });
        continue;
      }
      this.visit(child, ctx, p);
    }
  }

  private visitRedirected(node: Node, ctx: ShellCommandContext, pipeline: ShellPipeline | undefined): void {
    const redirects: Node[] = [];
    let body: Node | undefined;
    for (const child of node.children) {
      if (!child.isNamed) continue;
      if (child.type.endsWith('_redirect')) redirects.push(child);
      else if (!body && child.type !== 'comment') body = child;
    }
    if (body?.type === 'command') this.visitCommand(body, ctx, pipeline, redirects);
    else if (body?.type === 'declaration_command' || body?.type === 'unset_command' || body?.type === 'test_command')
      this.visitSpecialCommand(body, ctx, pipeline, redirects);
    else {
      if (body) this.visit(body, ctx, pipeline);
      for (const r of redirects) this.visitChildren(r, ctx, undefined);
    }
  }

  private visitCommand(node: Node, ctx: ShellCommandContext, pipeline: ShellPipeline | undefined, outerRedirects: Node[]): void {
    const assignments: ShellAssignment[] = [];
    const words: ShellWord[] = [];
    const redirectNodes: Node[] = [...outerRedirects];
    const walkLater: Node[] = [];
    let hasName = false;
    // tree-sitter-bash 0.25 splits some words in two (`$A/$B/$C` → `$A/$` and `B/$C`): an argument
    // that starts where the previous one ends is the same shell word.
    let previous: { start: number; end: number } | undefined;
    for (const child of node.children) {
      if (!child.isNamed || child.type === 'comment') continue;
      const joined = previous?.end === child.startIndex ? previous : undefined;
      previous = undefined;
      if (child.type === 'variable_assignment') {
        assignments.push(this.assignment(child));
        walkLater.push(child);
      } else if (child.type === 'command_name') {
        hasName = true;
        words.unshift(this.word(child));
        walkLater.push(child);
      } else if (child.type.endsWith('_redirect')) {
        redirectNodes.push(child);
      } else {
        if (joined) words[words.length - 1] = this.wordAt(joined.start, child.endIndex);
        else words.push(this.word(child));
        previous = { start: joined?.start ?? child.startIndex, end: child.endIndex };
        walkLater.push(child);
      }
    }
    if (!hasName) {
      // Only assignments and redirects (`>file`, `FOO=1 >x`).
      this.push('assignment', node, ctx, pipeline, { words: [], assignments, redirectNodes });
    } else {
      const cmd = this.push('simple', node, ctx, pipeline, { words, assignments, redirectNodes });
      this.maybeNestedScript(cmd, ctx);
    }
    for (const n of walkLater) if (mayHoldCommands(n, this.text)) this.visitChildren(n, ctx, undefined);
    for (const r of redirectNodes) this.visitChildren(r, ctx, undefined);
  }

  private visitSpecialCommand(node: Node, ctx: ShellCommandContext, pipeline: ShellPipeline | undefined, outerRedirects: Node[]): void {
    const kind: ShellCommandKind = node.type === 'declaration_command' ? 'declaration' : node.type === 'unset_command' ? 'unset' : 'test';
    const words: ShellWord[] = [];
    const assignments: ShellAssignment[] = [];
    const redirectNodes: Node[] = [...outerRedirects];
    const children = node.children;
    const first = children[0];
    if (first) {
      // The keyword (`export`, `unset`, `[`, `[[`) is the name.
      words.push(this.wordAt(first.startIndex, first.endIndex));
    }
    for (const child of children.slice(1)) {
      if (!child.isNamed || child.type === 'comment') continue;
      if (child.type.endsWith('_redirect')) {
        redirectNodes.push(child);
        continue;
      }
      if (kind === 'test') continue; // the expression is not a list of words
      if (child.type === 'variable_assignment') assignments.push(this.assignment(child));
      words.push(this.word(child));
    }
    this.push(kind, node, ctx, pipeline, { words, assignments, redirectNodes });
    // Descend for substitutions only: `export X=$(cmd)` holds a command, its assignment is not one.
    for (const child of children.slice(1)) {
      if (child.type === 'variable_assignment' || child.childCount > 0) this.visitChildren(child, ctx, undefined);
    }
    for (const r of outerRedirects) this.visitChildren(r, ctx, undefined);
  }

  private visitAssignmentStatement(node: Node, ctx: ShellCommandContext, pipeline: ShellPipeline | undefined): void {
    const nodes = node.type === 'variable_assignment' ? [node] : node.namedChildren.filter((c) => c.type === 'variable_assignment');
    const assignments = nodes.map((n) => this.assignment(n));
    this.push('assignment', node, ctx, pipeline, { words: [], assignments, redirectNodes: [] });
    for (const n of nodes) this.visitChildren(n, ctx, undefined);
  }

  // ---- building ------------------------------------------------------------------------------

  private push(
    kind: ShellCommandKind,
    node: Node,
    ctx: ShellCommandContext,
    pipeline: ShellPipeline | undefined,
    parts: { words: ShellWord[]; assignments: ShellAssignment[]; redirectNodes: Node[] },
  ): ShellCommand {
    const redirects = parts.redirectNodes.flatMap((r) => this.redirects(r));
    let span = this.span(node);
    for (const r of redirects) span = { start: Math.min(span.start, r.span.start), end: Math.max(span.end, r.span.end) };
    return this.add(kind, span, ctx, pipeline, parts.words, parts.assignments, redirects);
  }

  private add(
    kind: ShellCommandKind,
    span: Span,
    ctx: ShellCommandContext,
    pipeline: ShellPipeline | undefined,
    words: ShellWord[],
    assignments: ShellAssignment[],
    redirects: ShellRedirect[],
  ): ShellCommand {
    let name: string | undefined;
    let nameWord: ShellWord | undefined;
    let args: ShellWord[] = [];
    let wrappers: ShellCommand['wrappers'] = [];
    const allAssignments = [...assignments];
    if (kind === 'simple') {
      const unwrapped = unwrap(words);
      wrappers = unwrapped.wrappers;
      pushAll(allAssignments, unwrapped.assignments);
      nameWord = words[unwrapped.nameIndex];
      if (!nameWord && unwrapped.wrappers.length > 0) {
        // Defensive: a wrapper always leaves its command; keep the last wrapper as the command.
        nameWord = words[0];
      }
      name = nameWord?.value !== undefined ? programName(nameWord.value) : undefined;
      args = nameWord ? words.slice(words.indexOf(nameWord) + 1) : [];
    } else if (kind !== 'assignment') {
      nameWord = words[0];
      name = nameWord?.value;
      args = words.slice(1);
    }
    const cmd: ShellCommand = {
      kind,
      name,
      nameWord,
      args,
      assignments: allAssignments,
      wrappers,
      redirects,
      span,
      pipeline,
      context: ctx,
      index: this.commands.length,
    };
    this.commands.push(cmd);
    if (pipeline) pipeline.commands.push(cmd);
    return cmd;
  }

  /** One command from an argument vector (exec form). */
  addArgv(argv: readonly ShellWord[], valueMaps: readonly (SourceMap | undefined)[]): void {
    if (argv.length === 0) return;
    const span = { start: argv[0]!.span.start, end: argv[argv.length - 1]!.span.end };
    const cmd = this.add('simple', span, ROOT_CONTEXT, undefined, [...argv], [], []);
    this.maybeNestedScript(cmd, ROOT_CONTEXT, (word) => {
      const i = argv.indexOf(word);
      return (i >= 0 ? valueMaps[i] : undefined) ?? quotedValueMap(word);
    });
  }

  /** `sh -c '…'` and `bash <<EOF`: queue the script for parsing. */
  private maybeNestedScript(cmd: ShellCommand, ctx: ShellCommandContext, valueMapOf?: (w: ShellWord) => SourceMap | undefined): void {
    if (this.depth >= MAX_NESTING || cmd.name === undefined) return;
    const nestedCtx = withContext(ctx, { nested: true });
    if (cmd.name === 'su') {
      // su [options] [user] -c COMMAND: the command runs in the user's shell.
      const i = cmd.args.findIndex((a) => a.value === '-c' || a.value === '--command');
      const script = i >= 0 ? cmd.args[i + 1] : undefined;
      const map = script && (valueMapOf ? valueMapOf(script) : this.valueMap(script));
      if (script?.value !== undefined && map) this.nested.push({ text: script.value, map, context: nestedCtx });
      return;
    }
    if (!POSIX_SHELLS.has(cmd.name)) return;
    let args = cmd.args;
    if (cmd.name === 'busybox') {
      if (args[0]?.value !== 'sh' && args[0]?.value !== 'ash') return;
      args = args.slice(1);
    }
    // -c SCRIPT: the first operand after an option cluster containing `c`.
    for (let i = 0; i < args.length; i++) {
      const v = args[i]!.value;
      if (v === undefined || !v.startsWith('-') || v === '-' || v === '--') break;
      if (/^-[a-bd-zA-Z]*c[a-zA-Z]*$/.test(v)) {
        let j = i + 1;
        // `-o pipefail -c`: options after -c are still options until the script word.
        while (j < args.length && args[j]!.value?.startsWith('-') && args[j]!.value !== '-') j += args[j]!.value === '-o' ? 2 : 1;
        const script = args[j];
        if (script?.value === undefined) return;
        const map = valueMapOf ? valueMapOf(script) : this.valueMap(script);
        if (map) this.nested.push({ text: script.value, map, context: nestedCtx });
        return;
      }
    }
    // Standard input from a here-document, with no script file operand.
    const operands = args.filter((a) => !a.value?.startsWith('-'));
    const skipO = args.some((a) => a.value === '-o');
    if (operands.length > (skipO ? 1 : 0)) return;
    for (const r of cmd.redirects) {
      if (r.heredoc && (r.operator === '<<' || r.operator === '<<-')) {
        const bodyStart = this.derivedStart.get(r.heredoc);
        if (bodyStart === undefined) continue;
        const body = r.heredoc.body;
        this.nested.push({ text: body, map: this.map.slice(bodyStart, bodyStart + body.length), context: nestedCtx });
      }
    }
  }

  /** The map of a word's unquoted value, when it can be located exactly; else the whole word. */
  private valueMap(word: ShellWord): SourceMap | undefined {
    const value = word.value;
    if (value === undefined) return undefined;
    const start = this.derivedStart.get(word);
    if (start === undefined) return quotedValueMap(word);
    const raw = word.raw;
    if (raw === value) return this.map.slice(start, start + raw.length);
    const q = raw[0];
    if ((q === "'" || q === '"') && raw.endsWith(q) && raw.slice(1, -1) === value) {
      return this.map.slice(start + 1, start + 1 + value.length);
    }
    return quotedValueMap(word);
  }

  /** Where words and here-document bodies built by this walker start in the parsed text. */
  private readonly derivedStart = new WeakMap<object, number>();

  private assignment(node: Node): ShellAssignment {
    const word = this.word(node);
    const nameNode = node.childForFieldName('name');
    const name = nameNode ? this.text.slice(nameNode.startIndex, nameNode.endIndex) : word.raw.split('=')[0]!;
    const a = assignmentFromWord(word, name.replace(/\[.*/s, ''));
    return a;
  }

  /** A redirect node as redirects: `cat <<EOF > f` nests the `> f` inside the here-document redirect. */
  private redirects(node: Node): ShellRedirect[] {
    const out = [this.redirect(node)];
    for (const child of node.namedChildren) if (child.type.endsWith('_redirect')) pushAll(out, this.redirects(child));
    return out;
  }

  private redirect(node: Node): ShellRedirect {
    let operator = '';
    let target: ShellWord | undefined;
    let heredoc: ShellRedirect['heredoc'];
    for (const child of node.children) {
      if (!child.isNamed) {
        if (operator === '') operator = child.type;
        continue;
      }
      switch (child.type) {
        case 'file_descriptor':
          break;
        case 'heredoc_start':
          target = this.word(child);
          break;
        case 'heredoc_body': {
          const raw = target?.raw ?? '';
          heredoc = { body: this.text.slice(child.startIndex, child.endIndex), span: this.span(child), quoted: /['"\\]/.test(raw) };
          this.derivedStart.set(heredoc, child.startIndex);
          break;
        }
        case 'heredoc_end':
        case 'heredoc_content':
          break;
        default:
          if (!target && !child.type.endsWith('_redirect')) target = this.word(child);
      }
    }
    if (node.type === 'heredoc_redirect' && operator === '') operator = '<<';
    return { operator, target, span: this.span(node), ...(heredoc ? { heredoc } : {}) };
  }

  private word(node: Node): ShellWord {
    return this.wordAt(node.startIndex, node.endIndex);
  }

  private wordAt(start: number, end: number): ShellWord {
    const raw = this.text.slice(start, end);
    const word: ShellWord = { raw, value: unquoteWord(raw), span: this.map.spanToFile({ start, end }) };
    this.derivedStart.set(word, start);
    return word;
  }

  private span(node: Node): Span {
    return this.map.spanToFile({ start: node.startIndex, end: node.endIndex });
  }
}

/** The flags of a context that are set (they survive merging a nested script into its host). */
/**
 * `ctx` with the flags that are true in `set` turned on, always as the same six-field literal: a spread
 * (`{ ...ctx, condition: true }`) gives each object a hidden class of its own in V8, and every rule's
 * read of `cmd.context` would then be a megamorphic lookup.
 */
function withContext(ctx: ShellCommandContext, set: Partial<ShellCommandContext>): ShellCommandContext {
  return {
    subshell: ctx.subshell || set.subshell === true,
    substitution: ctx.substitution || set.substitution === true,
    condition: ctx.condition || set.condition === true,
    background: ctx.background || set.background === true,
    function: ctx.function || set.function === true,
    nested: ctx.nested || set.nested === true,
  };
}

/** A map that sends every character of a word's value to the whole word (positions are approximate). */
function quotedValueMap(word: ShellWord): SourceMap | undefined {
  if (word.value === undefined) return undefined;
  return new SourceMap(word.span.start).appendSynthetic(word.value.length, word.span.start, word.span.end);
}

/** Cheap test before descending into a word: only substitutions hold commands. */
function mayHoldCommands(node: Node, text: string): boolean {
  const raw = text.slice(node.startIndex, node.endIndex);
  return raw.includes('$(') || raw.includes('`') || raw.includes('<(') || raw.includes('>(');
}
