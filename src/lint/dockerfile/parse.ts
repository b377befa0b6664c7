/**
 * Dockerfile text → `DockerfileDoc` (see model.ts). dockerfile-ast finds the instructions, flags,
 * properties, here-documents and directives; this module joins logical lines the way BuildKit does,
 * resolves variables, tracks the state of every stage and parses every command as shell.
 *
 * A file fails to parse (exit status 2) only where BuildKit itself refuses it: no instruction at all,
 * an unknown instruction, no FROM, an unterminated here-document, an invalid `# escape=`. Everything
 * else, however odd, yields a document for the rules.
 */
import {
  DockerfileParser,
  Instruction as AstInstructionClass,
  type Argument,
  type Instruction as AstInstruction,
  type JSONArgument,
  type Property,
} from 'dockerfile-ast';
import type { ParseProblem, ParseResult } from '../engine/kind.js';
import type { SourceFile, Span } from '../engine/types.js';
import { didYouMean, LineIndex } from '../../util/text.js';
import type { SourceMap } from '../shell/source-map.js';
import { commandForm } from './command-form.js';
import { readExecForm } from './exec-form.js';
import { parseMount, toInstructionFlag } from './flags.js';
import { parseImageRef } from './image-ref.js';
import { scanHeredocs } from './heredocs.js';
import { logicalLine } from './logical-line.js';
import {
  KEYWORDS,
  type AddInstruction,
  type ArgInstruction,
  type CmdInstruction,
  type CopyInstruction,
  type DockerComment,
  type DockerfileDoc,
  type EntrypointInstruction,
  type EnvInstruction,
  type FromInstruction,
  type HealthcheckInstruction,
  type Heredoc,
  type Instruction,
  type InstructionBase,
  type InstructionOf,
  type Keyword,
  type KeyValue,
  type LabelInstruction,
  type OnbuildInstruction,
  type ParserDirective,
  type PlainInstruction,
  type RunInstruction,
  type ShellInstruction,
  type Stage,
  type StageState,
  type Token,
  type UserInstruction,
  type Variable,
  type WorkdirInstruction,
} from './model.js';
import { rangeToSpan } from './positions.js';
import { BuildState, isWindowsImage, resolveWorkdir } from './state.js';
import { expand } from './variables.js';

const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);
/** Instructions whose line may open here-documents (ONBUILD for its RUN/COPY/ADD trigger). */
const HEREDOC_KEYWORDS: ReadonlySet<string> = new Set(['RUN', 'COPY', 'ADD', 'ONBUILD']);

/** Parses a Dockerfile. Never throws on any input; `await initShell()` must have completed. */
export function parseDockerfile(file: SourceFile): ParseResult<DockerfileDoc> {
  return new DocBuilder(file.text).build();
}

/** What an instruction is built from, besides the dockerfile-ast node. */
interface Place {
  stage: MutableStage | undefined;
  state: BuildState;
  onbuild: OnbuildInstruction | undefined;
  index: number;
}

type MutableStage = Stage & { endState: BuildState };

/** The parts shared by every instruction, plus what the keyword-specific builders need. */
interface Common {
  base: InstructionBase;
  /** The arguments text's map to the file. */
  argsMap: SourceMap;
  logicalEnd: number;
  heredocs: Heredoc[];
  astArgs: Argument[];
}

class DocBuilder {
  private readonly lines: LineIndex;
  private readonly problems: ParseProblem[] = [];
  private readonly instructions: Instruction[] = [];
  private readonly triggers: Instruction[] = [];
  private readonly stages: MutableStage[] = [];
  /** The first stage of each name, lower-cased: every FROM and `--from` looks its name up. */
  private readonly stagesByName = new Map<string, MutableStage>();
  private readonly globalArgs: ArgInstruction[] = [];
  private escapeChar = '\\';
  /** The shell named by the last `# hadolint shell=…` comment seen. */
  private pragmaShell: string | undefined;
  private pragmasSeen = 0;
  private state: BuildState = BuildState.initial('linux');
  private globalState: BuildState = this.state;

  constructor(private readonly text: string) {
    this.lines = new LineIndex(text);
  }

  build(): ParseResult<DockerfileDoc> {
    return withArgumentsCache(() => this.buildDoc());
  }

  private buildDoc(): ParseResult<DockerfileDoc> {
    const ast = DockerfileParser.parse(this.text);
    this.escapeChar = ast.getEscapeCharacter();
    const directives = this.directives(ast.getDirectives());
    const comments: DockerComment[] = ast.getComments().map((c) => {
      const span = rangeToSpan(this.lines, c.getRange());
      return { text: c.getContent(), span, line: this.lines.positionAt(span.start).line };
    });
    const astInstructions = ast.getInstructions();
    if (astInstructions.length === 0) {
      return { doc: undefined, problems: [{ message: 'the Dockerfile has no instructions; it needs at least a FROM', loc: { line: 1, column: 1 } }] };
    }
    const queue = [...astInstructions];
    const headerEnd = rangeToSpan(this.lines, astInstructions[0]!.getRange()).start;
    let covered = -1;
    for (let i = 0; i < queue.length; i++) {
      const raw = queue[i]!;
      const start = rangeToSpan(this.lines, raw.getInstructionRange()).start;
      // dockerfile-ast may see an instruction inside a here-document body BuildKit reads as data.
      if (start < covered) continue;
      const keyword = raw.getKeyword();
      if (!KEYWORD_SET.has(keyword)) {
        this.unknownInstruction(raw);
        continue;
      }
      this.applyShellPragmas(comments, start);
      const stage = keyword === 'FROM' ? undefined : this.stages[this.stages.length - 1];
      const ins = this.instruction(raw, keyword as Keyword, { stage, state: this.state, onbuild: undefined, index: this.instructions.length });
      this.instructions.push(ins);
      covered = ins.span.end;
      // dockerfile-ast continues a line ending in an escaped escape character (`\\`), BuildKit does not:
      // read the lines it swallowed again on their own.
      const astEnd = rangeToSpan(this.lines, raw.getRange()).end;
      const nextLine = this.lines.starts[ins.endLine] ?? this.text.length;
      if (astEnd > nextLine && this.text.slice(nextLine, astEnd).trim() !== '') {
        queue.splice(i + 1, 0, ...this.reparse(headerEnd, nextLine, astEnd));
      }
    }
    if (this.stages.length === 0 && this.instructions.length > 0) {
      const first = this.instructions[0]!;
      this.problems.push({ message: 'the Dockerfile has no FROM instruction, so it has no build stage; start it with `FROM <image>`', span: first.keywordToken.span });
    }
    const last = this.stages[this.stages.length - 1];
    if (last) last.isLast = true;
    return { doc: this.doc(directives, comments), problems: this.problems };
  }

  /**
   * The instructions dockerfile-ast finds in [from, to) when that stretch is parsed on its own: the
   * text before it is blanked (lines and offsets kept) except the header with the parser directives.
   */
  /** The first stage so far named `name` (case-insensitive), as `stages.find` would give. */
  private stageNamed(name: string): MutableStage | undefined {
    return this.stagesByName.get(name.toLowerCase());
  }

  private reparse(headerEnd: number, from: number, to: number): AstInstruction[] {
    const blanked = this.text.slice(0, headerEnd) + this.text.slice(headerEnd, from).replace(/[^\r\n]/g, ' ') + this.text.slice(from, to);
    return DockerfileParser.parse(blanked)
      .getInstructions()
      .filter((raw) => rangeToSpan(this.lines, raw.getInstructionRange()).start >= from);
  }

  /**
   * hadolint's `# hadolint shell=powershell` comment says which shell the RUNs after it use (for images
   * whose SHELL is set in a base image the Dockerfile does not show). It holds until a SHELL instruction,
   * and for the stages that follow.
   */
  private applyShellPragmas(comments: readonly DockerComment[], before: number): void {
    for (; this.pragmasSeen < comments.length && comments[this.pragmasSeen]!.span.start < before; this.pragmasSeen++) {
      const m = /^hadolint\s+shell\s*=\s*(\S+)/.exec(comments[this.pragmasSeen]!.text);
      if (!m) continue;
      this.pragmaShell = m[1]!;
      this.advance(this.state.with({ shell: [this.pragmaShell], shellInstruction: undefined }));
    }
  }

  // ---- document ------------------------------------------------------------------------------

  private doc(directives: ParserDirective[], comments: DockerComment[]): DockerfileDoc {
    const { instructions, triggers, stages } = this;
    const ordered = [...instructions].sort((a, b) => a.startLine - b.startLine);
    const findCache: FindCache = new Map();
    return {
      text: this.text,
      lines: this.lines,
      escapeChar: this.escapeChar,
      directives,
      directive: (name) => directives.find((d) => d.name === name.toLowerCase()),
      comments,
      instructions,
      triggers,
      globalArgs: this.globalArgs,
      globalState: this.globalState,
      stages,
      stageNamed: (name) => this.stageNamed(name),
      find<K extends Keyword>(keyword: K, options?: { triggers?: boolean }): InstructionOf<K>[] {
        // Every rule asks for its keywords: filter (and sort with the triggers) once per document.
        // A copy is returned, so a rule may still sort or push into its list.
        return memoFind(findCache, `${options?.triggers ? 't' : ''}${keyword}`, instructions.length + triggers.length, () => {
          const all = options?.triggers ? [...instructions, ...triggers].sort((a, b) => a.span.start - b.span.start) : instructions;
          return all.filter((i) => i.keyword === keyword);
        }) as InstructionOf<K>[];
      },
      statementRange(line) {
        const ins = ordered.find((i) => i.startLine >= line) ?? ordered.find((i) => i.startLine <= line && i.endLine >= line);
        return ins ? { startLine: ins.startLine, endLine: ins.endLine } : undefined;
      },
    };
  }

  private directives(raw: ReturnType<ReturnType<typeof DockerfileParser.parse>['getDirectives']>): ParserDirective[] {
    const out: ParserDirective[] = [];
    for (const d of raw) {
      const directive: ParserDirective = {
        name: d.getName().toLowerCase(),
        value: d.getValue(),
        span: rangeToSpan(this.lines, d.getRange()),
        nameSpan: rangeToSpan(this.lines, d.getNameRange()),
        valueSpan: rangeToSpan(this.lines, d.getValueRange()),
      };
      if (directive.name === 'escape' && directive.value !== '\\' && directive.value !== '`') {
        this.problems.push({ message: `invalid escape character \`${directive.value}\`: \`# escape=\` accepts only \\ or a backtick`, span: directive.valueSpan });
      }
      if (out.some((o) => o.name === directive.name)) {
        this.problems.push({ message: `the \`${directive.name}\` parser directive is given twice; Docker accepts it once`, span: directive.span });
      }
      out.push(directive);
    }
    return out;
  }

  private unknownInstruction(raw: AstInstruction): void {
    const word = raw.getInstruction();
    const suggestion = didYouMean(word.toUpperCase(), KEYWORDS);
    this.problems.push({
      message: `unknown instruction \`${word}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
      span: rangeToSpan(this.lines, raw.getInstructionRange()),
    });
  }

  // ---- instructions --------------------------------------------------------------------------

  private instruction(raw: AstInstruction, keyword: Keyword, place: Place): Instruction {
    const ins = this.buildInstruction(raw, keyword, place);
    if (place.stage && !place.onbuild) place.stage.instructions.push(ins);
    return ins;
  }

  private buildInstruction(raw: AstInstruction, keyword: Keyword, place: Place): Instruction {
    const common = this.common(raw, keyword, place);
    const { base } = common;
    switch (keyword) {
      case 'FROM':
        return this.from(common);
      case 'ARG':
        return this.arg(raw, common, place);
      case 'ENV': {
        const ins = extend<EnvInstruction>(base, { pairs: this.pairs(raw) });
        if (!place.onbuild) {
          const vars = ins.pairs.map((p) => ({ name: p.name.value, value: this.expandValue(p, place.state), instruction: ins }));
          this.advance(this.state.withEnv(vars));
        }
        return ins;
      }
      case 'LABEL':
        return extend<LabelInstruction>(base, { pairs: this.pairs(raw) });
      case 'RUN':
        return extend<RunInstruction>(
          base,
          { mounts: base.flags.filter((f) => f.name === 'mount').map(parseMount) },
          this.command(raw, common, place, base.argsText, common.argsMap),
        );
      case 'CMD':
      case 'ENTRYPOINT':
        return extend<CmdInstruction | EntrypointInstruction>(base, this.command(raw, common, place, base.argsText, common.argsMap));
      case 'HEALTHCHECK':
        return this.healthcheck(common, place);
      case 'COPY':
      case 'ADD':
        return this.copy(raw, common, place);
      case 'SHELL': {
        const exec = readExecForm(base.argsText, base.argsSpan, jsonStrings(raw), this.text, this.lines);
        const ins = extend<ShellInstruction>(base, { argv: exec && exec !== 'malformed' ? exec.argv : undefined });
        if (!place.onbuild && ins.argv && ins.argv.length > 0) {
          this.advance(this.state.with({ shell: ins.argv.map((t) => t.value), shellInstruction: ins }));
        }
        return ins;
      }
      case 'USER': {
        const user = this.wholeArgs(base);
        const ins = extend<UserInstruction>(base, { user });
        if (!place.onbuild && user) {
          const value = this.expandToken(user, place.state);
          this.advance(this.state.with({ user: value ?? user.value, userInstruction: ins }));
        }
        return ins;
      }
      case 'WORKDIR': {
        const path = this.wholeArgs(base);
        const ins = extend<WorkdirInstruction>(base, { path });
        if (!place.onbuild && path) {
          const value = this.expandToken(path, place.state);
          const workdir = value === undefined ? undefined : resolveWorkdir(this.state.workdir, value);
          this.advance(this.state.with({ workdir, workdirInstruction: ins }));
        }
        return ins;
      }
      case 'ONBUILD':
        return this.onbuild(raw, common, place);
      default:
        return base as PlainInstruction;
    }
  }

  /** The fields every instruction has. */
  private common(raw: AstInstruction, keyword: Keyword, place: Place): Common {
    const { lines, text } = this;
    const keywordSpan = rangeToSpan(lines, raw.getInstructionRange());
    const logical = logicalLine(text, lines, keywordSpan.start, this.escapeChar);
    const flags = 'getFlags' in raw && typeof raw.getFlags === 'function' ? (raw.getFlags() as Parameters<typeof toInstructionFlag>[1][]).map((f) => toInstructionFlag(lines, f)) : [];
    const astArgs = raw.getArguments().filter((a) => rangeToSpan(lines, a.getRange()).start < logical.end);
    const args: Token[] = astArgs.map((a) => ({ value: a.getValue(), span: rangeToSpan(lines, a.getRange()) }));
    const argsStart = args[0] ? logical.map.fromFile(args[0].span.start) : logical.text.length;
    const argsText = logical.text.slice(argsStart);
    const argsMap = logical.map.slice(argsStart, logical.text.length);
    let heredocs: Heredoc[] = [];
    if (HEREDOC_KEYWORDS.has(keyword)) {
      const scan = scanHeredocs(text, lines, logical.text, logical.map, logical.endLine);
      heredocs = scan.heredocs;
      if (!place.onbuild) {
        for (const h of scan.unterminated) {
          this.problems.push({ message: `here-document \`${h.name}\` is never closed: add a line \`${h.name}\` after its body`, span: h.startSpan });
        }
      }
    }
    let end = logical.end;
    for (const h of heredocs) end = Math.max(end, h.endSpan?.end ?? h.bodySpan.end);
    const stage = place.stage;
    const base: InstructionBase = {
      keyword,
      keywordToken: { value: raw.getInstruction(), span: keywordSpan },
      span: { start: keywordSpan.start, end },
      startLine: lines.positionAt(keywordSpan.start).line,
      endLine: lines.positionAt(end).line,
      flags,
      flag: (name) => flags.find((f) => f.name === name),
      argsText,
      argsSpan: args.length > 0 ? { start: args[0]!.span.start, end: args[args.length - 1]!.span.end } : undefined,
      args,
      stage,
      state: place.state,
      onbuild: place.onbuild,
      index: place.index,
    };
    return { base, argsMap, logicalEnd: logical.end, heredocs, astArgs };
  }

  /** Records a state change caused by `ins` (top-level instructions only). */
  private advance(next: BuildState): void {
    this.state = next;
    const stage = this.stages[this.stages.length - 1];
    if (stage) stage.endState = next;
    else this.globalState = next;
  }

  private from(common: Common): FromInstruction {
    const { base, astArgs } = common;
    const imageArg = astArgs[0];
    const image = imageArg
      ? parseImageRef(base.args[0]!, this.rawOf(imageArg), (n) => this.globalState.variable(n), this.escapeChar)
      : undefined;
    const asToken = base.args[1] && base.args[1].value.toLowerCase() === 'as' ? base.args[1] : undefined;
    const alias = asToken ? base.args[2] : undefined;
    const baseStage = image && image.unresolved.length === 0 ? this.stageNamed(image.resolved) : undefined;
    if (image) {
      image.stage = baseStage;
      image.isStageRef = baseStage !== undefined;
    }
    const platform = baseStage ? baseStage.platform : image && isWindowsImage(image.resolved) ? 'windows' : 'linux';
    const ins = extend<FromInstruction>(base, { image, alias, asToken, platform: base.flag('platform'), state: this.globalState });
    const stageState = baseStage ? BuildState.inherit(baseStage.endState) : BuildState.initial(platform);
    const instructions: Instruction[] = [ins];
    const stageFindCache: FindCache = new Map();
    const stage: MutableStage = {
      index: this.stages.length,
      from: ins,
      name: alias?.value,
      image,
      base: baseStage,
      instructions,
      isLast: false,
      children: [],
      copiedBy: [],
      platform,
      endState: stageState,
      find: <K extends Keyword>(keyword: K) =>
        memoFind(stageFindCache, keyword, instructions.length, () => instructions.filter((i) => i.keyword === keyword)) as InstructionOf<K>[],
    };
    ins.stage = stage;
    baseStage?.children.push(stage);
    this.stages.push(stage);
    const lower = stage.name?.toLowerCase();
    if (lower !== undefined && !this.stagesByName.has(lower)) this.stagesByName.set(lower, stage);
    this.state = stageState;
    if (this.pragmaShell) this.advance(this.state.with({ shell: [this.pragmaShell] }));
    return ins;
  }

  private arg(raw: AstInstruction, common: Common, place: Place): ArgInstruction {
    const ins = extend<ArgInstruction>(common.base, { pairs: this.pairs(raw) });
    if (place.onbuild) return ins;
    const inStage = this.stages.length > 0;
    let state = this.state;
    for (const p of ins.pairs) {
      let value: string | undefined;
      if (p.value) value = this.expandValue(p, state);
      else if (inStage) value = this.globalState.args.get(p.name.value)?.value;
      const v: Variable = { name: p.name.value, value, instruction: ins };
      state = state.withArg(v);
    }
    this.advance(state);
    if (!inStage) this.globalArgs.push(ins);
    return ins;
  }

  private command(raw: AstInstruction, common: Common, place: Place, argsText: string, argsMap: SourceMap) {
    const exec = readExecForm(argsText, common.base.argsSpan, jsonStrings(raw), this.text, this.lines);
    return commandForm({
      text: this.text,
      lines: this.lines,
      argsText,
      argsMap,
      logicalEnd: common.logicalEnd,
      exec,
      heredocs: common.heredocs,
      state: place.state,
    });
  }

  private healthcheck(common: Common, place: Place): Instruction {
    const { base, argsMap } = common;
    const type = base.args[0] ? { value: base.args[0].value.toUpperCase(), span: base.args[0].span } : undefined;
    let command;
    if (type?.value === 'CMD') {
      const after = argsMap.fromFile(type.span.end);
      const text = base.argsText.slice(after);
      const exec = readExecForm(text, base.args[1] ? { start: base.args[1].span.start, end: base.argsSpan!.end } : undefined, [], this.text, this.lines);
      command = commandForm({
        text: this.text,
        lines: this.lines,
        argsText: text,
        argsMap: argsMap.slice(after, base.argsText.length),
        logicalEnd: common.logicalEnd,
        exec,
        heredocs: [],
        state: place.state,
      });
    }
    return extend<HealthcheckInstruction>(base, { type, command });
  }

  private copy(raw: AstInstruction, common: Common, place: Place): CopyInstruction | AddInstruction {
    const { base } = common;
    const exec = readExecForm(base.argsText, base.argsSpan, jsonStrings(raw), this.text, this.lines);
    const words = exec && exec !== 'malformed' ? exec.argv : base.args;
    const fromFlag = base.flag('from');
    let fromStage: Stage | undefined;
    if (fromFlag?.value !== undefined && fromFlag.valueSpan) {
      const resolved = expand(fromFlag.value, fromFlag.valueSpan.start, (n) => place.state.variable(n), this.escapeChar);
      if (resolved.unresolved.length === 0) fromStage = this.stageRef(resolved.value, place.stage);
    }
    const ins = extend<CopyInstruction | AddInstruction>(base, {
      form: exec && exec !== 'malformed' ? ('exec' as const) : ('shell' as const),
      sources: words.slice(0, -1),
      destination: words.length > 1 ? words[words.length - 1] : undefined,
      heredocs: common.heredocs,
      fromStage,
    });
    if (fromStage && !place.onbuild) fromStage.copiedBy.push(ins);
    return ins;
  }

  private onbuild(raw: AstInstruction, common: Common, place: Place): OnbuildInstruction {
    const ins = extend<OnbuildInstruction>(common.base, { trigger: undefined });
    const triggerRaw = (raw as unknown as { getTriggerInstruction(): AstInstruction | null }).getTriggerInstruction?.();
    const keyword = triggerRaw?.getKeyword();
    if (triggerRaw && keyword && KEYWORD_SET.has(keyword) && keyword !== 'ONBUILD' && keyword !== 'FROM') {
      ins.trigger = this.instruction(triggerRaw, keyword as Keyword, { ...place, onbuild: ins });
      this.triggers.push(ins.trigger);
    } else if (triggerRaw && keyword && KEYWORD_SET.has(keyword)) {
      // ONBUILD ONBUILD / ONBUILD FROM: kept as a trigger for the rule that reports it, never run.
      ins.trigger = this.common(triggerRaw, keyword as Keyword, { ...place, onbuild: ins }).base as Instruction;
      this.triggers.push(ins.trigger);
    }
    return ins;
  }

  // ---- pieces --------------------------------------------------------------------------------

  /** A stage named by `--from`/`from=`: by name, or by index when numeric and earlier. */
  private stageRef(value: string, current: Stage | undefined): Stage | undefined {
    if (/^\d+$/.test(value)) {
      const i = Number(value);
      return current === undefined || i < current.index ? this.stages[i] : undefined;
    }
    const found = this.stageNamed(value);
    return found && (current === undefined || found.index < current.index) ? found : undefined;
  }

  private pairs(raw: AstInstruction): KeyValue[] {
    const props: Property[] = 'getProperties' in raw && typeof raw.getProperties === 'function' ? (raw.getProperties() as Property[]) : [];
    return props.map((p) => {
      const valueRange = p.getValueRange();
      const value = p.getValue();
      return {
        name: { value: p.getName(), span: rangeToSpan(this.lines, p.getNameRange()) },
        value: value !== null && valueRange ? { value, span: rangeToSpan(this.lines, valueRange) } : undefined,
        legacy: p.getAssignmentOperator() === null && value !== null,
        span: rangeToSpan(this.lines, p.getRange()),
      };
    });
  }

  /** The whole argument text as one token (USER, WORKDIR take the rest of the line). */
  private wholeArgs(base: InstructionBase): Token | undefined {
    if (!base.argsSpan) return undefined;
    return { value: base.argsText.trim(), span: base.argsSpan };
  }

  /** The file text of an argument (for expansion); its decoded value when it spans continuation lines. */
  private rawOf(arg: Argument): string {
    const span = rangeToSpan(this.lines, arg.getRange());
    const raw = this.text.slice(span.start, span.end);
    return raw.includes('\n') ? arg.getValue() : raw;
  }

  private expandToken(token: Token, state: StageState): string | undefined {
    const raw = this.text.slice(token.span.start, token.span.end);
    const source = raw.includes('\n') ? token.value : raw;
    const exp = expand(source, token.span.start, (n) => state.variable(n), this.escapeChar);
    return exp.unresolved.length > 0 ? undefined : exp.value;
  }

  /** A pair's value with variables substituted; undefined when it uses an unknown variable. */
  private expandValue(pair: KeyValue, state: StageState): string | undefined {
    if (!pair.value) return undefined;
    const raw = this.text.slice(pair.value.span.start, pair.value.span.end);
    if (raw.includes('\n')) return pair.value.value;
    const exp = expand(raw, pair.value.span.start, (n) => state.variable(n), this.escapeChar);
    return exp.unresolved.length > 0 ? undefined : exp.value;
  }
}

/**
 * The instruction: `base` with its keyword's fields added in place. Not `{ ...base, field }`: V8 (Node 20)
 * gives each object made by a spread followed by more properties a hidden class of its own, and every
 * rule reading thousands of such instructions then pays a megamorphic property lookup per access (reading
 * `run.script` of 30,000 RUNs took 30 ms instead of 1 ms). Added in place, they share one per keyword.
 */
function extend<T extends Instruction>(base: InstructionBase, ...fields: object[]): T {
  return Object.assign(base, ...fields) as unknown as T;
}

/**
 * dockerfile-ast re-tokenizes an instruction's arguments on every call of most of its methods: its own
 * constructors do it two or three times per instruction, and flags, JSON strings and properties each
 * again (a sixth of slipway's time on the corpus). While slipway parses a document (synchronously), the
 * tokens are computed once per instruction. The prototype method is wrapped once, at load, and only
 * reads the cache while `argumentsCache` is set, so other users of dockerfile-ast in the process
 * (dockerfile-utils, an editor) get the library's own behaviour; each call returns a fresh array, as the
 * library does (`ModifiableInstruction.getArguments` shifts the flags off it).
 */
let argumentsCache: WeakMap<object, Argument[]> | undefined;

{
  const proto = AstInstructionClass.prototype as unknown as { getRawArguments(): Argument[] };
  const original = proto.getRawArguments;
  proto.getRawArguments = function (this: object): Argument[] {
    if (!argumentsCache) return original.call(this);
    let args = argumentsCache.get(this);
    if (!args) {
      args = original.call(this);
      argumentsCache.set(this, args);
    }
    return args.slice();
  };
}

function withArgumentsCache<T>(parse: () => T): T {
  const outer = argumentsCache;
  argumentsCache ??= new WeakMap();
  try {
    return parse();
  } finally {
    argumentsCache = outer;
  }
}

function jsonStrings(raw: AstInstruction): JSONArgument[] {
  return 'getJSONStrings' in raw && typeof raw.getJSONStrings === 'function' ? (raw.getJSONStrings() as JSONArgument[]) : [];
}

/** `find` results by key, with the instruction count they were computed at (a stage grows while it is parsed). */
type FindCache = Map<string, { count: number; list: Instruction[] }>;

/** The cached list for `key` while `count` is unchanged, else `compute()` again; always a fresh copy. */
function memoFind(cache: FindCache, key: string, count: number, compute: () => Instruction[]): Instruction[] {
  let hit = cache.get(key);
  if (!hit || hit.count !== count) {
    hit = { count, list: compute() };
    cache.set(key, hit);
  }
  return hit.list.slice();
}
