/**
 * The typed model of a `.gitlab-ci.yml` — what every gitlab-ci rule receives as `ctx.doc`.
 *
 * Guide for rule authors
 * ----------------------
 * - `doc.jobs` are the jobs GitLab would create (hidden `.name` jobs excluded), in file order;
 *   `doc.hiddenJobs` the hidden ones; `doc.job(name)` finds either kind.
 * - A job's typed fields (`job.stage`, `job.script`, `job.image`, `job.needs`, …) are its EFFECTIVE
 *   values: `extends` merged, `!reference` resolved, `default:` (and the old global keywords)
 *   inherited as `inherit:` allows. `job.get('keyword')` gives the raw YNode of any keyword,
 *   including the ones without a typed field (`release`, `pages`, `secrets`, `id_tokens`, …).
 * - Every YNode/YScalar carries `file` and `span` of the place it is WRITTEN: report with
 *   `ctx.report({ message, ...at(ctx, node) })` (../support/report.ts) and the finding lands in the
 *   right file and line, even when the value came from a template job, an anchor or an included
 *   file. A template's value reaches every job that extends it: use `reportOnce(ctx)` to report
 *   each place once.
 * - `job.origin(keyword)` tells where an effective value came from ('job', 'extends', 'default',
 *   'global'), e.g. to report an inherited default once, at `default:`, not once per job.
 * - Typed fields are lenient: a value of the wrong type is left out (undefined or an empty list),
 *   never guessed; the structure rules report the type error. Rules should not re-check shapes.
 * - Positions inside a value (a word of a script line, a token of `rules:if`):
 *   `valueOffset(scalar, index)` / `valueSpan(scalar, start, end)` (../yaml/offsets.ts).
 *   `rule.ifExpression` is the parsed `rules:if` (../expression/parse.ts) when it is valid.
 * - `doc.complete` is false when some include could not be read (remote, project, template,
 *   component, or a missing local file) or the file is not a pipeline entry point (any YAML
 *   file but `.gitlab-ci.yml` may be included by one): jobs, stages or templates may then come
 *   from files the model cannot see, so "unknown X" rules should stay silent.
 * - Values may be component inputs (`$[[ inputs.name ]]`), replaced by GitLab before it reads
 *   them: do not judge such a value.
 *
 * A rule, start to end:
 *
 *   export default defineRule<GitlabCiDoc>({
 *     meta: { id: 'gitlab-ci/cache-without-key', kind: 'gitlab-ci', … },
 *     check(ctx) {
 *       const report = reportOnce(ctx);
 *       for (const job of ctx.doc.jobs)
 *         for (const cache of job.cache)
 *           if (!cache.key) report(cache.node, `cache of job \`${job.name}\` has no \`key:\`; …`);
 *     },
 *   });
 *
 * then one line in ../rules/index.ts (sorted by id).
 */
import type { SourceFile, Span } from '../../engine/types.js';
import type { ExpressionNode } from '../expression/parse.js';
import type { DuplicateKey, LoadProblem } from '../yaml/load.js';
import type { YMap, YNode, YPair, YScalar } from '../yaml/nodes.js';

/** Where an effective keyword value of a job comes from. */
export type Origin = 'job' | 'extends' | 'default' | 'global';

export type ScriptKeyword = 'script' | 'before_script' | 'after_script' | 'pre_get_sources_script';

/** One line of `script`, `before_script`, `after_script` (nested lists and `!reference` flattened). */
export interface ScriptLine {
  /** The command text (a multi-line block scalar is one line with `\n` inside, as GitLab runs it). */
  text: string;
  /** The scalar as written; map positions inside the text with `valueOffset(line.node, i)`. */
  node: YScalar;
  /** The file the line is written in (may be an included file). */
  file: SourceFile;
  span: Span;
  keyword: ScriptKeyword;
  origin: Origin;
}

export interface CiImage {
  node: YNode;
  /** `image: name` or `image: {name: …}`. */
  name?: YScalar;
  entrypoint: YScalar[];
  pullPolicy: YScalar[];
  /** Services only. */
  alias?: YScalar;
  /** Services only. */
  command: YScalar[];
  /** Services only: the service's own `variables:`. */
  variables: CiVariable[];
  origin: Origin;
}

export interface CiVariable {
  name: string;
  key: YScalar;
  /** The value scalar (`FOO: bar` or `FOO: {value: bar}`); undefined when none or not a scalar. */
  value?: YScalar;
  /** The value as text (numbers and booleans as GitLab passes them to the job). */
  text?: string;
  description?: YScalar;
  /** `expand: false` marks a raw value. */
  expand: boolean;
  options: YScalar[];
  node: YNode;
}

export interface CiNeed {
  node: YNode;
  kind: 'job' | 'pipeline' | 'project';
  /** The needed job's name. */
  job?: YScalar;
  pipeline?: YScalar;
  project?: YScalar;
  ref?: YScalar;
  /** Defaults to true, as in GitLab. */
  artifacts: boolean;
  optional: boolean;
  parallel?: YNode;
}

export interface CiRule {
  node: YNode;
  if?: YScalar;
  /** The parsed `if:` expression, when it is valid. */
  ifExpression?: ExpressionNode;
  changes?: YNode;
  exists?: YNode;
  when?: YScalar;
  startIn?: YScalar;
  allowFailure?: YScalar;
  interruptible?: YScalar;
  variables: CiVariable[];
  needs?: CiNeed[];
}

export interface CiEnvironment {
  node: YNode;
  name?: YScalar;
  url?: YScalar;
  action?: YScalar;
  onStop?: YScalar;
  autoStopIn?: YScalar;
  deploymentTier?: YScalar;
}

export interface CiCache {
  node: YMap;
  key?: YNode;
  paths: YScalar[];
  policy?: YScalar;
  when?: YScalar;
  untracked?: YScalar;
  fallbackKeys: YScalar[];
}

export interface CiArtifacts {
  node: YMap;
  paths: YScalar[];
  exclude: YScalar[];
  name?: YScalar;
  expireIn?: YScalar;
  when?: YScalar;
  untracked?: YScalar;
  public?: YScalar;
  access?: YScalar;
  exposeAs?: YScalar;
  reports?: YMap;
}

export interface CiTrigger {
  node: YNode;
  /** Multi-project pipeline: the downstream project. */
  project?: YScalar;
  branch?: YScalar;
  /** Child pipeline: the include(s). */
  include?: YNode;
  strategy?: YScalar;
  forward?: YMap;
}

export interface CiParallel {
  node: YNode;
  /** `parallel: N`. */
  count?: number;
  /** `parallel: matrix:` entries: variable name → values. */
  matrix?: Array<Map<string, YScalar[]>>;
  /** How many jobs it creates (count, or matrix permutations). */
  jobCount: number;
}

export interface CiRetry {
  node: YNode;
  max?: number;
  when: YScalar[];
  exitCodes: number[];
}

export interface CiAllowFailure {
  node: YNode;
  /** `allow_failure: true|false`; undefined when given as `exit_codes`. */
  value?: boolean;
  exitCodes: number[];
}

export interface CiInherit {
  /** `inherit:default`: true, false, or the list of default keywords to inherit. */
  default: boolean | string[];
  /** `inherit:variables`: true, false, or the list of global variables to inherit. */
  variables: boolean | string[];
}

export interface CiJob {
  name: string;
  /** The job's key where it is (last) defined. */
  key: YScalar;
  hidden: boolean;
  /** The job's mapping as written in the file that defines it last (anchors and `<<` applied). */
  own: YMap;
  /** Every mapping that defines this job, included files first; GitLab deep-merges them. */
  definitions: YMap[];
  /** After merging definitions and `extends`, with `!reference` resolved: what GitLab validates. */
  resolved: YMap;
  /** `extends:` names as written (own or inherited through extends). */
  extends: YScalar[];
  /** Every job it extends, directly or not, nearest first. */
  ancestors: string[];
  /** True when an `extends` target is unknown or cyclic: keywords may be missing from `resolved`. */
  incomplete: boolean;

  /** Effective raw value of a keyword (own, extended or inherited from `default:`). */
  get(keyword: string): YNode | undefined;
  pair(keyword: string): YPair | undefined;
  has(keyword: string): boolean;
  origin(keyword: string): Origin | undefined;

  /** Effective stage; `test` when unset. */
  stage: string;
  stageNode?: YScalar;
  script: ScriptLine[];
  beforeScript: ScriptLine[];
  afterScript: ScriptLine[];
  /** `hooks:pre_get_sources_script`. */
  preGetSourcesScript: ScriptLine[];
  image?: CiImage;
  services: CiImage[];
  /** The job's own variables (after extends). Global ones: `doc.variables`, filtered by `inheritsVariable`. */
  variables: CiVariable[];
  inheritsVariable(name: string): boolean;
  rules?: CiRule[];
  only?: YNode;
  except?: YNode;
  needs?: CiNeed[];
  dependencies?: YScalar[];
  environment?: CiEnvironment;
  when?: YScalar;
  startIn?: YScalar;
  allowFailure?: CiAllowFailure;
  retry?: CiRetry;
  parallel?: CiParallel;
  artifacts?: CiArtifacts;
  cache: CiCache[];
  trigger?: CiTrigger;
  tags: YScalar[];
  timeout?: YScalar;
  interruptible?: YScalar;
  resourceGroup?: YScalar;
  coverage?: YScalar;
  manualConfirmation?: YScalar;
  inherit: CiInherit;
}

export type IncludeKind = 'local' | 'project' | 'remote' | 'template' | 'component';

export interface CiInclude {
  /** The include item as written. */
  node: YNode;
  kind: IncludeKind;
  /** The path, project, URL, template or component named. */
  target?: YScalar;
  /** resolved: read and merged; missing: local file not found; not-checked: other kinds, globs, variables. */
  status: 'resolved' | 'missing' | 'not-checked';
  /** The included file, when resolved. */
  file?: SourceFile;
  /** The file the `include:` is written in. */
  from: SourceFile;
}

export interface CiStages {
  /** `stages:` as declared (nested lists flattened); undefined when not declared. */
  declared?: YScalar[];
  /** Stage names in order, with `.pre` and `.post`; GitLab's defaults when not declared. */
  names: string[];
  /** False when `stages:` may come from an include the model cannot read. */
  known: boolean;
}

export interface CiWorkflow {
  node: YMap;
  name?: YScalar;
  rules?: CiRule[];
}

/** A problem found while building the model (extends, !reference, includes). */
export interface ModelProblem {
  kind:
    | 'extends-unknown'
    | 'extends-cycle'
    | 'extends-too-deep'
    | 'reference-unknown'
    | 'reference-cycle'
    | 'reference-invalid'
    | 'include-missing'
    | 'include-not-checked';
  message: string;
  file: SourceFile;
  span: Span;
  /** The job concerned, when any. */
  job?: string;
  /** For `*-unknown` problems: the name that is not found, and the known names (for did-you-mean). */
  name?: string;
}

/** One YAML file read into the model: the linted file or a local include. */
export interface CiSource {
  file: SourceFile;
  /** The configuration document's root mapping (undefined when empty or not a mapping). */
  root?: YMap;
  /** The root when it is not a mapping (a list or scalar: a structure error). */
  badRoot?: YNode;
  header?: YMap;
}

export interface GitlabCiDoc {
  /** The linted file. */
  file: SourceFile;
  /** The linted file first, then local includes in the order they were read. */
  sources: CiSource[];
  /** The component `spec:` header of the linted file. */
  header?: YMap;
  /** The merged configuration (local includes first, the linted file last), before `extends`. */
  config: YMap;
  includes: CiInclude[];
  /**
   * The file is a pipeline's entry point (`.gitlab-ci.yml`, or text without a YAML file name),
   * not a file pipelines include (`<name>.gitlab-ci.yml`, templates, `ci/*.yml`): only an entry
   * point must define everything it uses.
   */
  entry: boolean;
  /**
   * False when jobs, templates or stages may be defined where the model cannot see: an include
   * could not be read, or the file is not an entry point (its includer may define them).
   * Rules that report something as unknown or missing stay silent then.
   */
  complete: boolean;
  stages: CiStages;
  /** Global `variables:`. */
  variables: CiVariable[];
  workflow?: CiWorkflow;
  /** The merged `default:` mapping. */
  default?: YMap;
  /** Jobs GitLab creates (not hidden), in order. */
  jobs: CiJob[];
  /** Hidden (`.name`) jobs that are mappings. */
  hiddenJobs: CiJob[];
  /** A job or hidden job by name. */
  job(name: string): CiJob | undefined;
  duplicates: DuplicateKey[];
  /** Problems of the YAML layer (alias to itself, extra documents, bad `<<`). */
  yamlProblems: LoadProblem[];
  problems: ModelProblem[];
}
