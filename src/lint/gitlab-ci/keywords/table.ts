/**
 * GitLab CI/CD keywords and their value types, written from GitLab's "CI/CD YAML syntax
 * reference" (docs.gitlab.com/ci/yaml/). One entry per keyword; nested keywords are nested maps.
 *
 * Notes on choices where the reference and GitLab's schema differ:
 * - numbers are accepted where GitLab converts them to strings (variable values, input values);
 *   everywhere else a string keyword needs a string, as GitLab's validators do;
 * - lists that GitLab flattens (script lines, `stages`, `tags`) may nest one list per item, which
 *   is what a `!reference` inside them produces;
 * - `when:` values depend on where the keyword is (values.ts, WHEN_VALUES).
 */
import type { MapType, ValueType } from './types.js';
import { any, bool, dict, int, list, map, nonEmptyStr, oneOfStr, scalar, str, union } from './types.js';
import {
  cacheKeyProblem,
  cachePolicyProblem,
  checkDelayed,
  checkInputDefault,
  checkMatrixSize,
  coverageProblem,
  expression,
  includeLocalProblem,
  INPUT_TYPES,
  MAX_PARALLEL,
  projectPathProblem,
  remoteUrlProblem,
  RETRY_WHEN_VALUES,
  whenValue,
} from './values.js';
import { getIn, keyName } from '../yaml/nodes.js';

// ---- small shared types ----------------------------------------------------------------------

const strings = list(str());

/**
 * A list GitLab flattens: an item may itself be a list of items, which is what an alias to a
 * list or a `!reference` inside the list produces (`cache: [*go_cache]`).
 */
function flatList(item: ValueType, opts: Parameters<typeof list>[1] = {}): ReturnType<typeof list> {
  return list(union([item, list(item)], { describe: describeItem(item) }), opts);
}
function describeItem(item: ValueType): string {
  return item.describe ?? (item.kind === 'map' ? 'a mapping' : 'a value');
}
const nonEmptyStrings = list(str(), { minItems: 1 });
const projectPath = str({ valid: projectPathProblem, describe: 'a project path such as `my-group/my-project`' });
const duration = nonEmptyStr({ describe: 'a duration such as `1 hour` or `30 minutes`' });

/** A script: one string, or a list of lines (items may be lists, which GitLab flattens). */
const scriptLine = union([str({ acceptNumber: true }), list(union([str({ acceptNumber: true }), list(str({ acceptNumber: true }))]))], {
  describe: 'a string (a script line)',
});
const script = union([nonEmptyStr(), list(scriptLine, { minItems: 1 })], {
  describe: 'a string or a non-empty list of script lines',
});
const optionalScript = union([str(), list(scriptLine)], { describe: 'a string or a list of script lines' });

const pullPolicyName = oneOfStr(['always', 'never', 'if-not-present']);
const pullPolicy = union([pullPolicyName, list(pullPolicyName, { minItems: 1, unique: true })]);
const dockerOptions = map({
  platform: nonEmptyStr(),
  user: nonEmptyStr({ maxLength: 255 }),
});
const kubernetesOptions = map({
  user: nonEmptyStr({ maxLength: 255, acceptNumber: true }),
});

const image: ValueType = union(
  [
    nonEmptyStr({ describe: 'an image name' }),
    map(
      {
        name: nonEmptyStr(),
        entrypoint: list(str(), { minItems: 1 }),
        docker: dockerOptions,
        kubernetes: kubernetesOptions,
        pull_policy: pullPolicy,
      },
      { required: ['name'] },
    ),
  ],
  { describe: 'an image name or a mapping with `name:`' },
);

const jobVariableValue = union(
  [
    str({ acceptNumber: true, acceptBoolean: true }),
    map({ value: str({ acceptNumber: true, acceptBoolean: true }), expand: bool() }),
  ],
  { describe: 'a string, a number, or a mapping with `value:` and `expand:`' },
);
const jobVariables = dict(jobVariableValue);

const globalVariables = dict(
  union(
    [
      str({ acceptNumber: true, acceptBoolean: true }),
      map({
        value: str({ acceptNumber: true, acceptBoolean: true }),
        description: str(),
        expand: bool(),
        options: list(str({ acceptNumber: true }), { minItems: 1, unique: true }),
      }),
    ],
    { describe: 'a string, a number, or a mapping with `value:`, `description:`, `expand:` and `options:`' },
  ),
);

const service = union(
  [
    nonEmptyStr({ describe: 'an image name' }),
    map(
      {
        name: nonEmptyStr(),
        alias: nonEmptyStr(),
        entrypoint: list(str(), { minItems: 1 }),
        command: list(str(), { minItems: 1 }),
        docker: dockerOptions,
        kubernetes: kubernetesOptions,
        pull_policy: pullPolicy,
        variables: jobVariables,
      },
      { required: ['name'] },
    ),
  ],
  { describe: 'an image name or a mapping with `name:`' },
);
const services = flatList(service);

// ---- rules -----------------------------------------------------------------------------------

const changes = union(
  [strings, map({ paths: strings, compare_to: str() }, { required: ['paths'] })],
  { describe: 'a list of paths or a mapping with `paths:` (and `compare_to:`)' },
);
const exists = union(
  [strings, map({ paths: strings, project: projectPath, ref: str() }, { required: ['paths'], dependencies: { ref: ['project'] } })],
  { describe: 'a list of paths or a mapping with `paths:` (and `project:`, `ref:`)' },
);
const rulesVariables = dict(str({ acceptNumber: true, acceptBoolean: true }));

const needJob = map({ job: nonEmptyStr(), artifacts: bool(), optional: bool() }, { required: ['job'] });
const rulesNeeds = list(union([nonEmptyStr({ describe: 'a job name' }), needJob], { describe: 'a job name or a mapping with `job:`' }), {
  area: 'needs',
});

const jobRule = map(
  {
    if: expression,
    changes,
    exists,
    variables: rulesVariables,
    when: whenValue('rule'),
    start_in: duration,
    allow_failure: bool(),
    needs: rulesNeeds,
    interruptible: bool(),
  },
  { check: checkDelayed },
);
const jobRules = flatList(jobRule, { nullable: true });

const autoCancel = map({
  on_new_commit: oneOfStr(['conservative', 'interruptible', 'none']),
  on_job_failure: oneOfStr(['none', 'all']),
});

const workflow = map({
  name: nonEmptyStr({ maxLength: 255 }),
  auto_cancel: autoCancel,
  rules: list(
    map({
      if: expression,
      changes,
      exists,
      variables: rulesVariables,
      when: whenValue('workflow-rule'),
      auto_cancel: autoCancel,
    }),
    { nullable: true },
  ),
});

const includeRules = list(map({ if: expression, changes, exists, when: { ...whenValue('include-rule'), nullable: true } }), { nullable: true });

// ---- include -------------------------------------------------------------------------------

/** Input values passed to an included file, component or child pipeline. */
const inputValues = dict(any(), {
  validKey: (k) => (/^[a-zA-Z0-9_-]+$/.test(k) ? undefined : 'is not a valid input name (letters, digits, `_` and `-` only)'),
});

const yamlFile = str({ valid: includeLocalProblem });
// In the order of the mapping options above.
const includeKinds = ['local', 'project', 'template', 'component', 'remote'] as const;

const includeItem = union(
  [
    str({ describe: 'a file path or URL' }),
    map({ local: yamlFile, rules: includeRules, inputs: inputValues }, { required: ['local'] }),
    map(
      { project: projectPath, ref: str(), file: union([yamlFile, list(yamlFile)]), rules: includeRules, inputs: inputValues },
      { required: ['project', 'file'] },
    ),
    map({ template: yamlFile, rules: includeRules, inputs: inputValues }, { required: ['template'] }),
    map({ component: nonEmptyStr(), rules: includeRules, inputs: inputValues }, { required: ['component'] }),
    map(
      {
        remote: str({ valid: remoteUrlProblem }),
        integrity: str({ valid: (v) => (/^sha256-[A-Za-z0-9+/]{43}=$/.test(v) ? undefined : 'must be `sha256-` followed by a base64 SHA-256 hash') }),
        cache: union([bool(), duration]),
        rules: includeRules,
        inputs: inputValues,
      },
      { required: ['remote'] },
    ),
  ],
  {
    describe: 'a file path, a URL, or a mapping with one of `local:`, `project:`, `remote:`, `template:`, `component:`',
    selectMap: (m) => selectByKey(m, includeKinds, includeItemMaps),
  },
);
const includeItemMaps = includeItem.options.slice(1) as MapType[];
const include = union([...includeItem.options, list(includeItem)], {
  describe: 'a file path, a URL, an include mapping, or a list of includes',
  selectMap: includeItem.selectMap!,
});

/** The map type whose discriminating key the map has; undefined when it has none (the checker says what is expected). */
function selectByKey(m: import('../yaml/nodes.js').YMap, keys: readonly string[], options: MapType[]): MapType | undefined {
  const present = new Set(m.pairs.map((p) => keyName(p.key)));
  const index = keys.findIndex((k) => present.has(k));
  return index >= 0 ? options[index] : undefined;
}

// ---- needs and parallel ----------------------------------------------------------------------

const matrixValue = union([str({ acceptNumber: true }), list(str({ acceptNumber: true }))], { describe: 'a value or a list of values' });
const matrix = list(dict(matrixValue, { describe: 'a mapping of variable names to values' }), {
  minItems: 1,
  describe: 'a list of mappings of variable names to values',
});
const matrixOnly = map({ matrix }, { required: ['matrix'], check: checkMatrixSize, describe: 'a mapping with `matrix:`' });

const parallel = union([int({ min: 1, max: MAX_PARALLEL }), matrixOnly], {
  area: 'parallel',
  describe: `a whole number from 1 to ${MAX_PARALLEL} or a mapping with \`matrix:\``,
});

const needItemMaps: MapType[] = [
  map({ job: nonEmptyStr(), artifacts: bool(), optional: bool(), parallel: matrixOnly }, { required: ['job'] }),
  map({ pipeline: nonEmptyStr(), job: nonEmptyStr(), artifacts: bool(), optional: bool(), parallel: matrixOnly }, { required: ['pipeline', 'job'] }),
  map({ project: projectPath, job: nonEmptyStr(), ref: nonEmptyStr(), artifacts: bool(), parallel: matrixOnly }, { required: ['project', 'job', 'ref'] }),
];
const needs = flatList(
  union([nonEmptyStr({ describe: 'a job name' }), ...needItemMaps], {
    describe: 'a job name or a mapping with `job:`',
    selectMap: (m) => {
      const present = new Set(m.pairs.map((p) => keyName(p.key)));
      if (present.has('pipeline')) return needItemMaps[1];
      if (present.has('project')) return needItemMaps[2];
      return needItemMaps[0];
    },
  }),
  { area: 'needs', maxItems: 50 },
);

// ---- cache and artifacts ---------------------------------------------------------------------

const cacheWhen = whenValue('cache');
const cacheItem = map({
  key: union(
    [
      str({ acceptNumber: true, valid: cacheKeyProblem }),
      map({ files: list(str(), { minItems: 1, maxItems: 10 }), files_commits: list(str(), { minItems: 1, maxItems: 2 }), prefix: str({ acceptNumber: true }) }),
    ],
    { describe: 'a string or a mapping with `files:` (and `prefix:`)' },
  ),
  paths: strings,
  policy: str({ valid: cachePolicyProblem }),
  unprotect: bool(),
  untracked: bool(),
  when: cacheWhen,
  fallback_keys: list(str(), { maxItems: 5 }),
});
const cache = union([cacheItem, flatList(cacheItem, { maxItems: 4 })], { describe: 'a mapping or a list of up to 4 mappings' });

const fileList = union([str(), list(str())], { describe: 'a path or a list of paths' });
const reports = map({
  accessibility: str(),
  // A list too: GitLab accepts it (real pipelines use it), although its schema says string.
  annotations: fileList,
  api_fuzzing: fileList,
  browser_performance: str(),
  codequality: fileList,
  container_scanning: fileList,
  coverage_fuzzing: fileList,
  coverage_report: map(
    { coverage_format: oneOfStr(['cobertura', 'jacoco']), path: nonEmptyStr() },
    { nullable: true, required: ['coverage_format', 'path'] },
  ),
  cyclonedx: fileList,
  dast: fileList,
  dependency_scanning: fileList,
  dotenv: fileList,
  junit: union([str(), list(str(), { minItems: 1 })], { describe: 'a path or a list of paths' }),
  license_management: fileList,
  license_scanning: fileList,
  load_performance: fileList,
  lsif: fileList,
  metrics: fileList,
  repository_xray: fileList,
  requirements: fileList,
  sast: fileList,
  sarif: fileList,
  secret_detection: fileList,
  terraform: fileList,
});
const artifacts = map(
  {
    paths: list(str(), { minItems: 1 }),
    exclude: list(str(), { minItems: 1 }),
    expose_as: str(),
    name: str({ acceptNumber: true }),
    untracked: bool(),
    when: whenValue('artifacts'),
    access: oneOfStr(['all', 'developer', 'maintainer', 'none']),
    public: bool(),
    expire_in: str({ describe: 'a duration such as `1 week`, or `never`' }),
    reports,
  },
  { nullable: true, exclusive: [['public', 'access']] },
);

// ---- other job keywords ----------------------------------------------------------------------

const environment = union(
  [
    str({ describe: 'an environment name' }),
    map(
      {
        name: nonEmptyStr(),
        url: str(),
        on_stop: str(),
        action: oneOfStr(['start', 'prepare', 'stop', 'verify', 'access']),
        auto_stop_in: str(),
        deployment_tier: oneOfStr(['production', 'staging', 'testing', 'development', 'other']),
        kubernetes: map({
          agent: str(),
          namespace: nonEmptyStr(),
          flux_resource_path: str(),
          managed_resources: map({ enabled: bool() }),
          dashboard: map({ namespace: nonEmptyStr(), flux_resource_path: str() }),
        }),
      },
      { required: ['name'] },
    ),
  ],
  { describe: 'an environment name or a mapping with `name:`' },
);

const exitCodes = union([int(), list(int(), { minItems: 1, unique: true })], { describe: 'an exit code or a list of exit codes' });
const allowFailure = union([bool(), map({ exit_codes: exitCodes }, { required: ['exit_codes'] })], {
  describe: '`true`, `false` or a mapping with `exit_codes:`',
});

const retryMax = int({ min: 0, max: 2 });
const retryReason = oneOfStr(RETRY_WHEN_VALUES, { area: 'when' });
const retry = union(
  [retryMax, map({ max: retryMax, when: union([retryReason, list(retryReason)], { area: 'when' }), exit_codes: exitCodes })],
  { describe: 'a number from 0 to 2 or a mapping with `max:`, `when:`, `exit_codes:`' },
);

const filterRefs = list(str());
const onlyExcept = union(
  [
    filterRefs,
    map({
      refs: filterRefs,
      variables: list(expression),
      changes: union([strings, map({ paths: strings, compare_to: str() }, { required: ['paths'] })]),
      kubernetes: oneOfStr(['active']),
    }),
  ],
  { nullable: true, describe: 'a list of refs or a mapping with `refs:`, `variables:`, `changes:`, `kubernetes:`' },
);

const triggerIncludeItemMaps: MapType[] = [
  map({ local: yamlFile, inputs: inputValues }, { required: ['local'] }),
  map({ template: yamlFile, inputs: inputValues }, { required: ['template'] }),
  map({ artifact: yamlFile, job: nonEmptyStr(), inputs: inputValues }, { required: ['artifact', 'job'] }),
  map({ project: projectPath, ref: nonEmptyStr(), file: yamlFile, inputs: inputValues }, { required: ['project', 'file'] }),
  map({ component: nonEmptyStr(), inputs: inputValues }, { required: ['component'] }),
  map({ remote: str({ valid: remoteUrlProblem }), inputs: inputValues }, { required: ['remote'] }),
];
const triggerIncludeItem = union([...triggerIncludeItemMaps], {
  describe: 'a mapping with one of `local:`, `template:`, `artifact:`, `project:`, `component:`, `remote:`',
  selectMap: (m) => {
    const present = new Set(m.pairs.map((p) => keyName(p.key)));
    if (present.has('project') || present.has('file')) return triggerIncludeItemMaps[3];
    return selectByKey(m, ['local', 'template', 'artifact', 'project', 'component', 'remote'], triggerIncludeItemMaps);
  },
});
const forward = map({ yaml_variables: bool(), pipeline_variables: bool() });
const strategy = oneOfStr(['depend', 'mirror']);
const triggerMaps: MapType[] = [
  map(
    { include: union([yamlFile, list(triggerIncludeItem, { maxItems: 3 })], { describe: 'a file path or a list of up to 3 includes' }), strategy, forward, inputs: inputValues },
    { required: ['include'] },
  ),
  map({ project: projectPath, branch: str(), strategy, forward, inputs: inputValues }, { required: ['project'] }),
];
const trigger = union([projectPath, ...triggerMaps], {
  describe: 'a project path or a mapping with `project:` or `include:`',
  selectMap: (m) => (m.pairs.some((p) => keyName(p.key) === 'include') ? triggerMaps[0] : triggerMaps[1]),
});

const release = map(
  {
    tag_name: nonEmptyStr(),
    tag_message: str(),
    name: str(),
    description: str(),
    ref: str(),
    milestones: strings,
    released_at: str({ describe: 'an ISO 8601 date and time such as `2024-01-31T12:00:00Z`' }),
    assets: map(
      {
        links: list(
          map(
            { name: nonEmptyStr(), url: nonEmptyStr(), filepath: str(), direct_asset_path: str(), link_type: oneOfStr(['runbook', 'package', 'image', 'other']) },
            { required: ['name', 'url'] },
          ),
          { minItems: 1 },
        ),
      },
      { required: ['links'] },
    ),
  },
  { required: ['tag_name', 'description'] },
);

const idTokens = dict(map({ aud: union([str(), list(str(), { minItems: 1, unique: true })]) }, { required: ['aud'] }));

const secretProviders = ['vault', 'gcp_secret_manager', 'azure_key_vault', 'aws_secrets_manager', 'gitlab_secrets_manager'];
const secret = map(
  {
    vault: union([
      str(),
      map({ engine: map({ name: str(), path: str() }, { required: ['name', 'path'] }), path: str(), field: str() }, { required: ['engine', 'path', 'field'] }),
    ]),
    gcp_secret_manager: map({ name: str(), version: union([str(), int()]) }, { required: ['name'] }),
    azure_key_vault: map({ name: str(), version: str() }, { required: ['name'] }),
    aws_secrets_manager: union([
      str(),
      map(
        { secret_id: str(), version_id: str(), version_stage: str(), region: str(), role_arn: str(), role_session_name: str(), field: str() },
        { required: ['secret_id'] },
      ),
    ]),
    gitlab_secrets_manager: map({ name: str(), source: str() }, { required: ['name'] }),
    file: bool(),
    token: str(),
  },
  { requireOneOf: [secretProviders], dependencies: { gcp_secret_manager: ['token'] } },
);
const secrets = dict(secret);

const inherit = map({
  default: union([bool(), list(oneOfStr(['after_script', 'artifacts', 'before_script', 'cache', 'hooks', 'id_tokens', 'image', 'interruptible', 'retry', 'services', 'tags', 'timeout']))]),
  variables: union([bool(), list(str())]),
});

const pages = union([bool(), map({ path_prefix: str(), expire_in: str(), publish: str() })]);

const hooks = map({ pre_get_sources_script: optionalScript });

const inputType = oneOfStr(INPUT_TYPES);
const inputOption = scalar({ describe: 'a string, number or boolean' });
const jobInputs = dict(
  map(
    { type: inputType, default: any(), description: str(), options: list(inputOption), regex: str() },
    { required: ['default'], check: checkInputDefault },
  ),
  { maxKeys: 50 },
);

// `run:` steps (GitLab's CI steps).
const identifier = (what: string) => str({ valid: (v) => (/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(v) ? undefined : `is \`${v}\`; ${what} use letters, digits and \`_\`, and cannot start with a digit`) });
const stepReference = union([
  nonEmptyStr(),
  map({ git: map({ url: str(), dir: str(), rev: str(), file: str() }, { required: ['url', 'rev'] }) }, { required: ['git'] }),
  map({ oci: map({ registry: str(), repository: str(), tag: str(), dir: str(), file: str() }, { required: ['registry', 'repository', 'tag'] }) }, { required: ['oci'] }),
], {
  describe: 'a step reference (a string, or a mapping with `git:` or `oci:`)',
  selectMap: (m) => (getIn(m, 'oci') ? stepReference.options[2] as MapType : stepReference.options[1] as MapType),
});
const step = map(
  {
    name: identifier('step names'),
    step: stepReference,
    script: nonEmptyStr(),
    action: nonEmptyStr(),
    env: dict(str({ acceptNumber: true, acceptBoolean: true }), { validKey: (k) => (/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(k) ? undefined : 'is not a valid variable name') }),
    inputs: dict(any(), { validKey: (k) => (/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(k) ? undefined : 'is not a valid input name') }),
  },
  {
    required: ['name'],
    requireOneOf: [['step', 'script', 'action']],
    exclusive: [
      ['step', 'script'],
      ['step', 'action'],
      ['script', 'action'],
      ['script', 'inputs'],
    ],
  },
);
const run = list(step, { describe: 'a list of steps' });

// ---- jobs, default, top level ----------------------------------------------------------------

/** Keywords `default:` may set for every job. */
export const DEFAULT_KEYWORDS = [
  'after_script',
  'artifacts',
  'before_script',
  'cache',
  'hooks',
  'id_tokens',
  'image',
  'interruptible',
  'retry',
  'services',
  'tags',
  'timeout',
] as const;

export const JOB_KEYWORD_TYPES: Readonly<Record<string, ValueType>> = {
  after_script: optionalScript,
  allow_failure: allowFailure,
  artifacts,
  before_script: optionalScript,
  cache,
  coverage: str({ valid: coverageProblem }),
  dast_configuration: map({ site_profile: str(), scanner_profile: str() }),
  dependencies: flatList(nonEmptyStr({ describe: 'a job name' })),
  environment,
  except: onlyExcept,
  extends: union([nonEmptyStr(), list(nonEmptyStr(), { minItems: 1 })], { describe: 'a job name or a list of job names' }),
  hooks,
  id_tokens: idTokens,
  identity: oneOfStr(['google_cloud']),
  image,
  inherit,
  inputs: jobInputs,
  interruptible: bool(),
  manual_confirmation: str(),
  needs,
  only: onlyExcept,
  pages,
  parallel,
  publish: str(),
  release,
  resource_group: nonEmptyStr(),
  retry,
  rules: jobRules,
  run,
  script,
  secrets,
  services,
  stage: nonEmptyStr({ describe: 'a stage name' }),
  start_in: duration,
  tags: list(union([nonEmptyStr(), list(str())], { describe: 'a runner tag' })),
  timeout: duration,
  trigger,
  variables: jobVariables,
  when: whenValue('job'),
};

export const JOB_KEYWORDS: readonly string[] = Object.keys(JOB_KEYWORD_TYPES);

/** A job's mapping (after `extends`). */
export const JOB_TYPE: MapType = map(JOB_KEYWORD_TYPES, { check: checkDelayed, describe: 'a mapping of job keywords' });

export const DEFAULT_TYPE: MapType = map(Object.fromEntries(DEFAULT_KEYWORDS.map((k) => [k, JOB_KEYWORD_TYPES[k]!])), {
  describe: 'a mapping of job keywords that apply to every job',
});

const specInput = map(
  {
    type: inputType,
    default: any({ nullable: true }),
    description: str(),
    options: list(inputOption, { maxItems: 50 }),
    regex: str(),
    rules: list(map({ if: expression, options: list(inputOption, { maxItems: 50 }), default: any({ nullable: true }) }, { required: ['default'] })),
  },
  {
    nullable: true,
    exclusive: [
      ['rules', 'default'],
      ['rules', 'options'],
    ],
    check: checkInputDefault,
  },
);
const spec = map({
  inputs: dict(specInput),
  include: list(
    union(
      [
        map({ local: yamlFile }, { required: ['local'] }),
        map({ project: projectPath, ref: str(), file: union([yamlFile, list(yamlFile)]) }, { required: ['project', 'file'] }),
        map({ remote: str({ valid: remoteUrlProblem }), integrity: str(), cache: union([bool(), duration]) }, { required: ['remote'] }),
      ],
      {
        describe: 'a mapping with one of `local:`, `project:`, `remote:`',
        selectMap: (m) => selectByKey(m, ['local', 'project', 'remote'], specIncludeMaps),
      },
    ),
  ),
  component: list(oneOfStr(['name', 'sha', 'version', 'reference']), { unique: true }),
  description: str({ maxLength: 256 }),
});
const specIncludeMaps = (spec.keys!['include'] as unknown as { items: { options: MapType[] } }).items.options;

/** Global keywords: the top-level keys that are not jobs. */
export const GLOBAL_KEYWORD_TYPES: Readonly<Record<string, ValueType>> = {
  default: DEFAULT_TYPE,
  include,
  stages: list(union([str(), list(str())], { describe: 'a stage name' }), { minItems: 1, unique: true, describe: 'a list of stage names' }),
  variables: globalVariables,
  workflow,
  spec,
  // Deprecated global forms of default keywords (GitLab still reads them as defaults).
  image,
  services,
  cache,
  before_script: optionalScript,
  after_script: optionalScript,
};

export const GLOBAL_KEYWORDS: readonly string[] = Object.keys(GLOBAL_KEYWORD_TYPES);

/** Top-level keys that are neither jobs nor global keywords but are harmless (editor support). */
export const IGNORED_TOP_LEVEL_KEYS: readonly string[] = ['$schema'];

/** A component's `spec:` header document. */
export const HEADER_TYPE: MapType = map({ spec }, { describe: 'a `spec:` header' });

