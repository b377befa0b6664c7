/**
 * Build the GitlabCiDoc of a file: YAML → local includes merged → jobs found → `extends` →
 * `!reference` → `default:` inheritance → typed jobs. See types.ts for the guide to the result.
 */
import type { ParseEnv, ParseProblem } from '../../engine/kind.js';
import type { SourceFile } from '../../engine/types.js';
import { DEFAULT_KEYWORDS, GLOBAL_KEYWORDS, IGNORED_TOP_LEVEL_KEYS } from '../keywords/table.js';
import { loadYaml } from '../yaml/load.js';
import type { YMap, YNode, YPair, YScalar } from '../yaml/nodes.js';
import { isMap, keyName, pairOf } from '../yaml/nodes.js';
import { ExtendsResolver } from './extends.js';
import { resolveIncludes } from './include.js';
import {
  inherits,
  readAllowFailure,
  readArtifacts,
  readCache,
  readEnvironment,
  readImage,
  readInherit,
  readNeeds,
  readParallel,
  readRetry,
  readRules,
  readScript,
  readServices,
  readTrigger,
  readVariables,
  scalarAt,
  scalarList,
} from './readers.js';
import { ReferenceResolver } from './reference.js';
import type { CiJob, CiSource, CiStages, CiWorkflow, GitlabCiDoc, ModelProblem, Origin } from './types.js';

/** The stages GitLab uses when `stages:` is not declared. */
export const DEFAULT_STAGES: readonly string[] = ['.pre', 'build', 'test', 'deploy', '.post'];
/** The stage of a job without `stage:`. */
export const DEFAULT_STAGE = 'test';
/** Global keywords that act as defaults for jobs (the deprecated form of `default:`). */
const LEGACY_DEFAULT_KEYWORDS = ['image', 'services', 'cache', 'before_script', 'after_script'];

export interface BuildResult {
  doc: GitlabCiDoc | undefined;
  problems: ParseProblem[];
}

export function buildModel(file: SourceFile, env?: ParseEnv): BuildResult {
  const loaded = loadYaml(file);
  if (loaded.syntaxError) return { doc: undefined, problems: [{ message: loaded.syntaxError.message, span: loaded.syntaxError.span }] };

  const main: CiSource = { file };
  if (isMap(loaded.root)) main.root = loaded.root;
  else if (loaded.root && !(loaded.root.kind === 'scalar' && loaded.root.value === null)) main.badRoot = loaded.root;
  if (loaded.header) main.header = loaded.header;

  const included = resolveIncludes(main, env);
  const problems: ModelProblem[] = [];
  const entry = isEntryPoint(file.path);
  const complete = entry && included.includes.every((i) => i.status === 'resolved');
  const config: YMap = included.config ?? { kind: 'map', pairs: [], file, span: { start: 0, end: 0 } };

  // Jobs: every top-level mapping that is not a global keyword.
  const jobMaps = new Map<string, YMap>();
  const jobKeys = new Map<string, YScalar>();
  for (const pair of config.pairs) {
    const name = keyName(pair.key);
    if (isGlobalKey(name) || !isMap(pair.value)) continue;
    jobMaps.set(name, pair.value);
    jobKeys.set(name, pair.key);
  }
  const definitions = collectDefinitions(included.sources, jobMaps);

  const extendsResolver = new ExtendsResolver(jobMaps, problems);
  const extended = new Map<string, ReturnType<ExtendsResolver['resolve']>>();
  for (const name of jobMaps.keys()) extended.set(name, extendsResolver.resolve(name));

  const references = new ReferenceResolver(
    (name) => {
      const job = extended.get(name);
      return job ? job.resolved : pairOf(config, name)?.value;
    },
    problems,
    complete,
  );

  const resolvedGlobal = (key: string): YNode | undefined => {
    const value = pairOf(config, key)?.value;
    return value ? references.resolve(value) : undefined;
  };
  const defaultMap = resolvedGlobal('default');
  const defaults = isMap(defaultMap) ? defaultMap : undefined;
  const legacy = new Map<string, YPair>();
  for (const key of LEGACY_DEFAULT_KEYWORDS) {
    const pair = pairOf(config, key);
    if (pair) legacy.set(key, { ...pair, value: references.resolve(pair.value) });
  }
  const globalVariables = readVariables(resolvedGlobal('variables'));

  const jobs: CiJob[] = [];
  const hiddenJobs: CiJob[] = [];
  for (const [name, own] of jobMaps) {
    const ext = extended.get(name)!;
    const resolvedNode = references.resolve(ext.resolved);
    const resolved = isMap(resolvedNode) ? resolvedNode : ext.resolved;
    const job = makeJob({
      name,
      key: jobKeys.get(name)!,
      own: definitions.get(name)?.at(-1) ?? own,
      definitions: definitions.get(name) ?? [own],
      resolved,
      extendsNames: ext.names,
      ancestors: ext.ancestors,
      incomplete: ext.incomplete,
      defaults,
      legacy,
      globalVariableNames: globalVariables.map((v) => v.name),
    });
    (name.startsWith('.') ? hiddenJobs : jobs).push(job);
  }
  const byName = new Map<string, CiJob>([...jobs, ...hiddenJobs].map((j) => [j.name, j]));

  const doc: GitlabCiDoc = {
    file,
    sources: included.sources,
    config,
    includes: included.includes,
    entry,
    complete,
    stages: readStages(resolvedGlobal('stages'), pairOf(config, 'stages') !== undefined || complete),
    variables: globalVariables,
    jobs,
    hiddenJobs,
    job: (name) => byName.get(name),
    duplicates: [...loaded.duplicates, ...included.duplicates],
    yamlProblems: [...loaded.problems, ...included.yamlProblems],
    problems,
  };
  if (loaded.header) doc.header = loaded.header;
  if (defaults) doc.default = defaults;
  const workflow = resolvedGlobal('workflow');
  if (isMap(workflow)) doc.workflow = readWorkflow(workflow);
  return { doc, problems: included.parseProblems };
}

/**
 * `.gitlab-ci.yml` (GitLab's default CI configuration path) starts a pipeline. Other YAML files
 * (`<name>.gitlab-ci.yml`, GitLab's templates, `ci/*.yml`) are usually included by one, which may
 * define the templates, stages and jobs they use. Text without a YAML file name (stdin) counts as
 * an entry point.
 */
export function isEntryPoint(path: string): boolean {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base === '.gitlab-ci.yml' || base === '.gitlab-ci.yaml' || !/\.ya?ml$/i.test(base);
}

export function isGlobalKey(name: string): boolean {
  return GLOBAL_KEYWORDS.includes(name) || IGNORED_TOP_LEVEL_KEYS.includes(name);
}

/** Each job's mappings in the order GitLab merges them (included files first). */
function collectDefinitions(sources: CiSource[], jobMaps: Map<string, YMap>): Map<string, YMap[]> {
  const out = new Map<string, YMap[]>();
  // sources[0] is the linted file, merged last; the includes were read in merge order.
  const ordered = [...sources.slice(1), sources[0]!];
  for (const source of ordered) {
    for (const pair of source.root?.pairs ?? []) {
      const name = keyName(pair.key);
      if (!jobMaps.has(name) || !isMap(pair.value)) continue;
      const list = out.get(name) ?? [];
      list.push(pair.value);
      out.set(name, list);
    }
  }
  return out;
}

function readStages(node: YNode | undefined, known: boolean): CiStages {
  if (node === undefined) return { names: [...DEFAULT_STAGES], known };
  const declared = scalarList(node).filter((s) => typeof s.value === 'string' || typeof s.value === 'number');
  const names = ['.pre', ...declared.map((s) => String(s.value)).filter((n) => n !== '.pre' && n !== '.post'), '.post'];
  return { declared, names: [...new Set(names)], known: true };
}

function readWorkflow(node: YMap): CiWorkflow {
  const workflow: CiWorkflow = { node };
  const name = scalarAt(pairOf(node, 'name')?.value);
  if (name) workflow.name = name;
  const rules = readRules(pairOf(node, 'rules')?.value);
  if (rules) workflow.rules = rules;
  return workflow;
}

interface JobInput {
  name: string;
  key: YScalar;
  own: YMap;
  definitions: YMap[];
  resolved: YMap;
  extendsNames: YScalar[];
  ancestors: string[];
  incomplete: boolean;
  defaults: YMap | undefined;
  legacy: Map<string, YPair>;
  globalVariableNames: string[];
}

function makeJob(input: JobInput): CiJob {
  const { resolved, defaults, legacy } = input;
  const inherit = readInherit(pairOf(resolved, 'inherit')?.value);
  const ownKeys = new Set(input.definitions.flatMap((d) => d.pairs.map((p) => keyName(p.key))));

  const effective = (keyword: string): { pair: YPair; origin: Origin } | undefined => {
    const pair = pairOf(resolved, keyword);
    if (pair) return { pair, origin: ownKeys.has(keyword) ? 'job' : 'extends' };
    if (!(DEFAULT_KEYWORDS as readonly string[]).includes(keyword) || !inherits(inherit.default, keyword)) return undefined;
    const fromDefault = pairOf(defaults, keyword);
    if (fromDefault) return { pair: fromDefault, origin: 'default' };
    const fromGlobal = legacy.get(keyword);
    if (fromGlobal) return { pair: fromGlobal, origin: 'global' };
    return undefined;
  };
  const value = (keyword: string) => effective(keyword)?.pair.value;
  const originOf = (keyword: string): Origin => effective(keyword)?.origin ?? 'job';

  const stageNode = scalarAt(value('stage'));
  const job: CiJob = {
    name: input.name,
    key: input.key,
    hidden: input.name.startsWith('.'),
    own: input.own,
    definitions: input.definitions,
    resolved,
    extends: input.extendsNames,
    ancestors: input.ancestors,
    incomplete: input.incomplete,
    get: value,
    pair: (keyword) => effective(keyword)?.pair,
    has: (keyword) => effective(keyword) !== undefined,
    origin: (keyword) => effective(keyword)?.origin,
    stage: stageNode ? String(stageNode.value) : DEFAULT_STAGE,
    script: readScript(value('script'), 'script', originOf('script')),
    beforeScript: readScript(value('before_script'), 'before_script', originOf('before_script')),
    afterScript: readScript(value('after_script'), 'after_script', originOf('after_script')),
    preGetSourcesScript: readScript(isMap(value('hooks')) ? pairOf(value('hooks') as YMap, 'pre_get_sources_script')?.value : undefined, 'pre_get_sources_script', originOf('hooks')),
    services: readServices(value('services'), originOf('services')),
    variables: readVariables(value('variables')),
    inheritsVariable: (name) => inherits(inherit.variables, name) && input.globalVariableNames.includes(name),
    cache: readCache(value('cache')),
    tags: scalarList(value('tags')),
    inherit,
  } as CiJob;
  if (stageNode) job.stageNode = stageNode;
  if (value('dependencies') !== undefined) job.dependencies = scalarList(value('dependencies'));
  const optional: Array<[keyof CiJob, unknown]> = [
    ['image', readImage(value('image'), originOf('image'))],
    ['rules', readRules(value('rules'))],
    ['only', value('only')],
    ['except', value('except')],
    ['needs', readNeeds(value('needs'))],
    ['environment', readEnvironment(value('environment'))],
    ['when', scalarAt(value('when'))],
    ['startIn', scalarAt(value('start_in'))],
    ['allowFailure', readAllowFailure(value('allow_failure'))],
    ['retry', readRetry(value('retry'))],
    ['parallel', readParallel(value('parallel'))],
    ['artifacts', readArtifacts(value('artifacts'))],
    ['trigger', readTrigger(value('trigger'))],
    ['timeout', scalarAt(value('timeout'))],
    ['interruptible', scalarAt(value('interruptible'))],
    ['resourceGroup', scalarAt(value('resource_group'))],
    ['coverage', scalarAt(value('coverage'))],
    ['manualConfirmation', scalarAt(value('manual_confirmation'))],
  ];
  for (const [field, v] of optional) if (v !== undefined) (job as unknown as Record<string, unknown>)[field] = v;
  return job;
}

