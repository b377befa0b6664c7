/**
 * The Dockerfile document rules read.
 *
 * A guide for rule authors:
 * - `doc.stages` in order; `stage.instructions` starts with its FROM. `doc.instructions` is every
 *   top-level instruction in file order (ARGs before the first FROM have no stage); `doc.triggers` holds
 *   the instructions wrapped by ONBUILD (their `onbuild` points at the wrapper). `doc.find('RUN')` and
 *   `stage.find('COPY')` are typed: they return `RunInstruction[]`, `CopyInstruction[]`.
 * - Switch on `ins.keyword` to narrow an `Instruction` to its interface.
 * - `ins.state` is what the build sees when the instruction runs: ARG/ENV values, SHELL, USER, WORKDIR,
 *   inherited through `FROM <stage>`. `stage.endState` is the state after the stage's last instruction.
 * - RUN, CMD, ENTRYPOINT and HEALTHCHECK CMD have `script`: the shell model (../shell/model.ts) of the
 *   command, for shell form, here-documents and exec form alike; undefined when the stage's shell is not
 *   a POSIX shell (PowerShell, cmd) or a here-document names another interpreter (`#!/usr/bin/env python3`).
 * - Every span is a UTF-16 offset range into the file's text; report on the narrowest one that shows
 *   the problem (`ins.keywordToken.span`, `image.tag.span`, `flag.valueSpan`, a shell word's span).
 * - Values are what BuildKit would use: continuations joined, quotes removed; ARG defaults are
 *   substituted where BuildKit substitutes (FROM, ENV, WORKDIR, USER, COPY --from …). To substitute in
 *   other text, use `expand` from variables.ts with `ins.state.variable`.
 * - queries.ts answers common questions (`rootImage`, `reachesFinalImage`, `isBusyboxBased`).
 *
 * Writing a rule: one file `rules/<kebab-name>.ts` exporting `defineRule<DockerfileDoc>({ meta, check })`
 * with id `dockerfile/<kebab-name>`, listed in rules/index.ts. When the problem lies in shell commands
 * alone (it would be one in a CI `script:` too), write a shell check instead (../shell/check.ts) and
 * instantiate it with `dockerfileShellRule` (shell-rule.ts); when it needs the Dockerfile (stages,
 * layers, SHELL, mounts), read `run.script` in a plain rule.
 */
import type { Span } from '../engine/types.js';
import type { LineIndex } from '../../util/text.js';
import type { ShellScript } from '../shell/model.js';

export const KEYWORDS = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
] as const;

export type Keyword = (typeof KEYWORDS)[number];

/** A piece of the file with its value (continuations joined, quotes removed where the syntax removes them). */
export interface Token {
  value: string;
  span: Span;
}

/** `# syntax=…`, `# escape=…`, `# check=…` at the top of the file. */
export interface ParserDirective {
  /** Lower-case name. */
  name: string;
  value: string;
  span: Span;
  nameSpan: Span;
  valueSpan: Span;
}

/** A comment line (not a parser directive). */
export interface DockerComment {
  /** The text after `#`, trimmed. */
  text: string;
  span: Span;
  /** 1-based. */
  line: number;
}

/** `--name=value` or `--name` before an instruction's arguments. */
export interface InstructionFlag {
  /** Without the dashes: `mount`, `from`, `link`. */
  name: string;
  /** Undefined for a flag written without `=` (`--link`). */
  value: string | undefined;
  span: Span;
  nameSpan: Span;
  valueSpan: Span | undefined;
}

/** A parsed `RUN --mount=…`. */
export interface Mount {
  /** `bind` (the default), `cache`, `tmpfs`, `secret`, `ssh`. */
  type: string;
  /** `target`/`dst`/`destination`. */
  target: string | undefined;
  /** `source`/`src`. */
  source: string | undefined;
  from: string | undefined;
  id: string | undefined;
  /** `shared` (default), `private`, `locked` (cache mounts). */
  sharing: string | undefined;
  readonly: boolean;
  /** Every key=value as written (keys lower-case); a bare key has value `true`. */
  options: Readonly<Record<string, string>>;
  flag: InstructionFlag;
}

/** A here-document of RUN, COPY or ADD (`<<EOF … EOF`). */
export interface Heredoc {
  /** The delimiter word, quotes removed. */
  name: string;
  /** `<<-`: leading tabs are stripped from the body. */
  chomp: boolean;
  /** The delimiter was quoted: the body is not expanded. */
  quoted: boolean;
  /** The `<<EOF` token. */
  startSpan: Span;
  /** The body, lines with their line breaks, without the delimiter line. */
  body: string;
  bodySpan: Span;
  /** The closing delimiter line; undefined when the here-document is never closed. */
  endSpan: Span | undefined;
}

/** A variable in effect (ARG or ENV). */
export interface Variable {
  name: string;
  /** The value with earlier variables substituted; undefined when unknown (ARG without default). */
  value: string | undefined;
  /** Where it was set; undefined for BuildKit's predefined ARGs. */
  instruction: ArgInstruction | EnvInstruction | undefined;
}

/** What the build sees at an instruction. Immutable; shared between instructions until it changes. */
export interface StageState {
  /** ARGs in scope (in a stage: declared in it; before the first FROM: the global ARGs). */
  readonly args: ReadonlyMap<string, Variable>;
  /** ENV set in this stage or inherited from an earlier stage through `FROM <stage>`. */
  readonly env: ReadonlyMap<string, Variable>;
  /** The value a `$NAME` expands to: ENV wins over ARG; undefined when unknown or unset. */
  variable(name: string): string | undefined;
  /** The SHELL in effect, e.g. `["/bin/sh", "-c"]` (Linux default) or `["cmd", "/S", "/C"]` (Windows). */
  readonly shell: readonly string[];
  /** The SHELL instruction that set `shell`; undefined for the default. */
  readonly shellInstruction: ShellInstruction | undefined;
  /** False for PowerShell and cmd: shell rules skip such stages. */
  readonly posixShell: boolean;
  /** The user commands run as (after variable substitution); undefined = the base image's default. */
  readonly user: string | undefined;
  readonly userInstruction: UserInstruction | undefined;
  /** The working directory when known (absolute); undefined = the base image's default. */
  readonly workdir: string | undefined;
  readonly workdirInstruction: WorkdirInstruction | undefined;
}

/** The parts of a FROM image reference. */
export interface ImagePart {
  /** The part's text after ARG substitution; a variable with no known value stays as written (`${TAG}`). */
  value: string;
  /** Where the part is written: its own characters, or the `${VAR}` that produced them. */
  span: Span;
  /** False when the part contains a variable with no known value. */
  known: boolean;
}

/** A FROM image reference, ARG defaults substituted (`FROM python:${PY_VERSION}-slim`). */
export interface ImageRef {
  /** The argument as written. */
  token: Token;
  /** The reference after substitution (unknown variables kept as written). */
  resolved: string;
  /** Variables without a known value (build arguments without default). */
  unresolved: string[];
  usesVariables: boolean;
  /** `registry.example.com:5000`; undefined for Docker Hub short names. */
  registry: ImagePart | undefined;
  /** The path after the registry: `python`, `library/python`, `team/app`. */
  name: ImagePart;
  tag: ImagePart | undefined;
  /** `sha256:…` without the `@`. */
  digest: ImagePart | undefined;
  /** `FROM scratch`. */
  isScratch: boolean;
  /** The earlier stage it names (`FROM builder`); undefined for an image. */
  stage: Stage | undefined;
  /** True when it names an earlier stage (then `stage` is set and the other parts describe the name). */
  isStageRef: boolean;
}

/** Fields of every instruction. */
export interface InstructionBase<K extends Keyword = Keyword> {
  keyword: K;
  /** The keyword as written (`run`) and its span. */
  keywordToken: Token;
  /** From the keyword to the end of the instruction, here-document bodies included. */
  span: Span;
  /** 1-based lines. */
  startLine: number;
  endLine: number;
  flags: InstructionFlag[];
  /** The first flag named `name` (without dashes). */
  flag(name: string): InstructionFlag | undefined;
  /** The arguments after the flags, continuations joined, here-document bodies excluded. */
  argsText: string;
  /** Where the arguments are written (first to last character); undefined when there are none. */
  argsSpan: Span | undefined;
  /** The arguments split at whitespace (quotes kept as written). */
  args: Token[];
  /** The stage it belongs to; undefined before the first FROM. Triggers: the stage of their ONBUILD. */
  stage: Stage | undefined;
  /** The state the build sees when this instruction runs (before its own effect). */
  state: StageState;
  /** For an instruction wrapped by ONBUILD: the wrapper. */
  onbuild: OnbuildInstruction | undefined;
  /** Position in `doc.instructions` (a trigger has its ONBUILD's). */
  index: number;
}

/** How RUN, CMD, ENTRYPOINT and HEALTHCHECK CMD give their command. */
export interface CommandForm {
  /** `exec`: a JSON array of strings; `shell`: text run by the SHELL. */
  form: 'exec' | 'shell';
  /** The exec-form strings. */
  argv: Token[] | undefined;
  /** Starts with `[` but is not a JSON array of strings: Docker runs it as shell text (usually a typo). */
  malformedJson: boolean;
  /** The command as shell commands; see the module comment for when it is undefined. */
  script: ShellScript | undefined;
  /** Why `script` is undefined: `non-posix-shell`, `interpreter` (a here-document for python…), `empty`. */
  noScriptReason: 'non-posix-shell' | 'interpreter' | 'empty' | undefined;
  heredocs: Heredoc[];
}

export interface FromInstruction extends InstructionBase<'FROM'> {
  image: ImageRef | undefined;
  /** `AS name`. */
  alias: Token | undefined;
  /** The `AS` keyword. */
  asToken: Token | undefined;
  platform: InstructionFlag | undefined;
}

export interface RunInstruction extends InstructionBase<'RUN'>, CommandForm {
  mounts: Mount[];
}

export interface CmdInstruction extends InstructionBase<'CMD'>, CommandForm {}
export interface EntrypointInstruction extends InstructionBase<'ENTRYPOINT'>, CommandForm {}

export interface HealthcheckInstruction extends InstructionBase<'HEALTHCHECK'> {
  /** `CMD` or `NONE` (upper-cased); undefined when missing. */
  type: Token | undefined;
  /** The command after `CMD`. */
  command: CommandForm | undefined;
}

interface CopyLike {
  form: 'exec' | 'shell';
  /** Source paths (or URLs for ADD); a here-document source is its `<<EOF` token. */
  sources: Token[];
  destination: Token | undefined;
  heredocs: Heredoc[];
  /** `--from=` as a stage when it names one (by name or index). */
  fromStage: Stage | undefined;
}

export interface CopyInstruction extends InstructionBase<'COPY'>, CopyLike {}
export interface AddInstruction extends InstructionBase<'ADD'>, CopyLike {}

/** `NAME=value` (or legacy `NAME value`) of ENV, ARG, LABEL. */
export interface KeyValue {
  /** Quotes removed. */
  name: Token;
  /** Quotes and escapes removed, not expanded; undefined for `ARG NAME`. */
  value: Token | undefined;
  /** `ENV NAME value` without `=`. */
  legacy: boolean;
  span: Span;
}

export interface EnvInstruction extends InstructionBase<'ENV'> {
  pairs: KeyValue[];
}
export interface ArgInstruction extends InstructionBase<'ARG'> {
  pairs: KeyValue[];
}
export interface LabelInstruction extends InstructionBase<'LABEL'> {
  pairs: KeyValue[];
}

export interface ShellInstruction extends InstructionBase<'SHELL'> {
  /** The JSON strings; undefined when not in exec form (Docker rejects that). */
  argv: Token[] | undefined;
}

export interface UserInstruction extends InstructionBase<'USER'> {
  /** `user` or `user:group` as written. */
  user: Token | undefined;
}

export interface WorkdirInstruction extends InstructionBase<'WORKDIR'> {
  path: Token | undefined;
}

export interface OnbuildInstruction extends InstructionBase<'ONBUILD'> {
  /** The wrapped instruction; undefined when missing or unknown. */
  trigger: Instruction | undefined;
}

/** Instructions whose arguments need no structure beyond `args`. */
export interface PlainInstruction extends InstructionBase<'EXPOSE' | 'MAINTAINER' | 'STOPSIGNAL' | 'VOLUME'> {}

export type Instruction =
  | AddInstruction
  | ArgInstruction
  | CmdInstruction
  | CopyInstruction
  | EntrypointInstruction
  | EnvInstruction
  | FromInstruction
  | HealthcheckInstruction
  | LabelInstruction
  | OnbuildInstruction
  | PlainInstruction
  | RunInstruction
  | ShellInstruction
  | UserInstruction
  | WorkdirInstruction;

/** The instruction interface of a keyword: `InstructionOf<'RUN'>` is `RunInstruction`. */
export type InstructionOf<K extends Keyword> = Extract<Instruction, { keyword: K }> extends never
  ? PlainInstruction
  : Extract<Instruction, { keyword: K }>;

/** One build stage: a FROM and what follows up to the next FROM. */
export interface Stage {
  /** 0-based; `COPY --from=0` names stage 0. */
  index: number;
  from: FromInstruction;
  /** The `AS` name as written; undefined for an unnamed stage. */
  name: string | undefined;
  image: ImageRef | undefined;
  /** The earlier stage this one builds on (`FROM builder`). */
  base: Stage | undefined;
  /** FROM first, then the stage's instructions in order (ONBUILD wrappers included, triggers not). */
  instructions: Instruction[];
  isLast: boolean;
  /** Later stages built on this one (`FROM <this>`). */
  children: Stage[];
  /** Instructions of later stages that copy or mount from this one (`COPY --from`, `RUN --mount=from=`). */
  copiedBy: Instruction[];
  /** `windows` when the base image is a Windows one (default shell cmd), else `linux`. */
  platform: 'linux' | 'windows';
  /** The state after the stage's last instruction. */
  endState: StageState;
  find<K extends Keyword>(keyword: K): InstructionOf<K>[];
}

export interface DockerfileDoc {
  text: string;
  lines: LineIndex;
  /** The escape character (`\` or a backtick from `# escape=`). */
  escapeChar: string;
  directives: ParserDirective[];
  directive(name: string): ParserDirective | undefined;
  comments: DockerComment[];
  /** Every top-level instruction in file order. */
  instructions: Instruction[];
  /** Instructions wrapped by ONBUILD, in file order. */
  triggers: Instruction[];
  /** ARGs before the first FROM. */
  globalArgs: ArgInstruction[];
  /** The state before the first FROM (the global ARGs), used to resolve FROM. */
  globalState: StageState;
  stages: Stage[];
  /** The stage named `name` (case-insensitive, as BuildKit compares). */
  stageNamed(name: string): Stage | undefined;
  /** Top-level instructions of a keyword; with `{ triggers: true }` also those inside ONBUILD. */
  find<K extends Keyword>(keyword: K, options?: { triggers?: boolean }): InstructionOf<K>[];
  /** The 1-based line range of the instruction starting on `line`, or of the first one after it. */
  statementRange(line: number): { startLine: number; endLine: number } | undefined;
}
