/**
 * Value checks shared by the keyword table: `when` per context, `rules:if` expressions, project
 * paths, cache keys, durations-free strings, parallel matrices, input defaults.
 * Each check reports through a ValueReporter, so positions and areas come from the checker.
 */
import { suggest } from '../support/suggest.js';
import { parseExpression } from '../expression/parse.js';
import type { YMap, YNode, YScalar } from '../yaml/nodes.js';
import { getIn, isMap, isReference, isSeq, keyName, stringValue } from '../yaml/nodes.js';
import { valueSpan } from '../yaml/offsets.js';
import type { CustomType, ValueReporter } from './types.js';
import { custom } from './types.js';

// ---- when ----------------------------------------------------------------------------------

/** Where a `when:` is written; each place takes different values. */
export type WhenContext = 'job' | 'rule' | 'workflow-rule' | 'include-rule' | 'artifacts' | 'cache';

export const WHEN_VALUES: Readonly<Record<WhenContext, readonly string[]>> = {
  job: ['on_success', 'on_failure', 'always', 'manual', 'delayed'],
  rule: ['on_success', 'on_failure', 'always', 'never', 'manual', 'delayed'],
  'workflow-rule': ['always', 'never'],
  'include-rule': ['always', 'never'],
  artifacts: ['on_success', 'on_failure', 'always'],
  cache: ['on_success', 'on_failure', 'always'],
};

const WHEN_PLACE: Readonly<Record<WhenContext, string>> = {
  job: "a job's `when`",
  rule: '`when` in `rules`',
  'workflow-rule': '`when` in `workflow:rules`',
  'include-rule': '`when` in `include:rules`',
  artifacts: '`artifacts:when`',
  cache: '`cache:when`',
};

export function whenValue(context: WhenContext): CustomType {
  const values = WHEN_VALUES[context];
  return custom(
    'scalar',
    `one of ${values.map((v) => `\`${v}\``).join(', ')}`,
    (node, r) => {
      const scalarNode = node as YScalar;
      const v = scalarNode.value;
      if (typeof v !== 'string') {
        r.report('type', `\`${r.path}\`${inOwner(r)} must be one of ${values.map((x) => `\`${x}\``).join(', ')}, not ${typeof v === 'boolean' ? `the boolean \`${v}\`` : `\`${String(v)}\``}`);
        return;
      }
      if (values.includes(v)) return;
      let hint = '';
      if (context === 'job' && v === 'never') {
        hint = '; `when: never` only works inside `rules:` (for example `rules: [{ when: never }]`)';
      } else if ((context === 'workflow-rule' || context === 'include-rule') && WHEN_VALUES.rule.includes(v)) {
        hint = '; only `always` and `never` decide whether the pipeline or file is used';
      } else {
        const guess = suggest(v, values);
        if (guess) hint = `; did you mean \`${guess}\`?`;
      }
      r.report('value', `\`${r.path}\`${inOwner(r)} is \`${v}\`, but ${WHEN_PLACE[context]} is one of ${values.map((x) => `\`${x}\``).join(', ')}${hint}`);
    },
    { area: 'when' },
  );
}

/** `when: delayed` needs `start_in`, and `start_in` only means something with `when: delayed`. */
export function checkDelayed(map: YMap, r: ValueReporter): void {
  const when = getIn(map, 'when');
  const startIn = map.pairs.find((p) => keyName(p.key) === 'start_in');
  const delayed = stringValue(when) === 'delayed';
  if (delayed && !startIn) {
    r.report('missing-key', `\`when: delayed\`${inOwner(r)} needs \`start_in:\` (for example \`start_in: 30 minutes\`)`, when, 'when');
  } else if (startIn && !delayed && !isReference(when)) {
    r.report('conflict', `\`start_in\`${inOwner(r)} only works with \`when: delayed\``, startIn.key, 'when');
  }
}

export const RETRY_WHEN_VALUES: readonly string[] = [
  'always',
  'unknown_failure',
  'script_failure',
  'api_failure',
  'stuck_or_timeout_failure',
  'runner_system_failure',
  'runner_unsupported',
  'stale_schedule',
  'job_execution_timeout',
  'archived_failure',
  'unmet_prerequisites',
  'scheduler_failure',
  'data_integrity_failure',
  // Failure reasons GitLab added later; GitLab's own projects retry on them.
  'runner_configuration_error',
  'runner_external_dependency_failure',
  'runner_interrupted',
  'stuck_pending_with_matching_runners',
  'stuck_pending_no_matching_runners',
  'no_updates_running',
  'no_updates_canceling',
  'server_timeout_running',
  'server_timeout_canceling',
];

// ---- rules:if --------------------------------------------------------------------------------

/** A CI/CD variable expression (`rules:if`, `only:variables`), parsed and positioned. */
export const expression: CustomType = custom(
  'string',
  'a CI/CD variable expression such as `$CI_COMMIT_BRANCH == "main"`',
  (node, r) => {
    const scalarNode = node as YScalar;
    const text = String(scalarNode.value);
    const parsed = parseExpression(text);
    if (!parsed.error) return;
    const span = valueSpan(scalarNode, parsed.error.start, parsed.error.end);
    r.report('value', `invalid expression in \`${r.path}\`${inOwner(r)}: ${parsed.error.message}`, { file: scalarNode.file, span });
  },
  { area: 'rules-if' },
);

// ---- strings with a shape --------------------------------------------------------------------

/** `group/project`, `group/sub/project` or a variable. */
export function projectPathProblem(value: string): string | undefined {
  if (/\$\S+/.test(value) || /\S\/\S/.test(value)) {
    if (value.startsWith('/') || value.endsWith('/')) return `is \`${value}\`; a project path has no leading or trailing \`/\` (for example \`my-group/my-project\`)`;
    return undefined;
  }
  if (value === '') return 'is empty; it must be the full path of a project, such as `my-group/my-project`';
  return `is \`${value}\`, which is not a project path; use the full path with its group, such as \`my-group/my-project\``;
}

/** `cache:key` as a string: no `/`, not only dots (GitLab's rule). */
export function cacheKeyProblem(value: string): string | undefined {
  if (value.includes('/') || /%2F/i.test(value)) return `is \`${value}\`; a cache key cannot contain \`/\``;
  if (/^(?:\.|%2E)*$/i.test(value)) return `is \`${value}\`; a cache key cannot be empty or only dots`;
  return undefined;
}

/** `coverage: '/regex/'`. */
export function coverageProblem(value: string): string | undefined {
  if (!/^\/.+\/[a-zA-Z]*$/s.test(value)) return `is \`${value}\`; it must be a regular expression between slashes, such as \`/Total: \\d+\\.\\d+%/\``;
  return undefined;
}

export function cachePolicyProblem(value: string): string | undefined {
  if (['pull', 'push', 'pull-push'].includes(value) || /^\$\w{1,255}$/.test(value) || /^\$\{\w{1,255}\}$/.test(value)) return undefined;
  const guess = suggest(value, ['pull', 'push', 'pull-push']);
  return `is \`${value}\`; it must be \`pull\`, \`push\`, \`pull-push\` or a variable${guess ? `; did you mean \`${guess}\`?` : ''}`;
}

export function includeLocalProblem(value: string): string | undefined {
  if (!/\.ya?ml$/.test(value) && !/[*$]/.test(value)) return `is \`${value}\`; an included file must end in \`.yml\` or \`.yaml\``;
  return undefined;
}

export function remoteUrlProblem(value: string): string | undefined {
  if (!/^https?:\/\/.+/.test(value)) return `is \`${value}\`; a remote include must be a full \`https://\` URL`;
  if (!/\.ya?ml$/.test(value) && !value.includes('$')) return `is \`${value}\`; a remote include must end in \`.yml\` or \`.yaml\``;
  return undefined;
}

// ---- parallel:matrix -------------------------------------------------------------------------

/** GitLab creates at most this many jobs from one `parallel` (number or matrix). */
export const MAX_PARALLEL = 200;

/** Count the jobs a matrix creates and report an empty or oversized one. */
export function checkMatrixSize(map: YMap, r: ValueReporter): void {
  const matrix = getIn(map, 'matrix');
  if (!isSeq(matrix)) return;
  let total = 0;
  for (const entry of matrix.items) {
    if (!isMap(entry)) return;
    let product = 1;
    for (const pair of entry.pairs) {
      if (isSeq(pair.value)) product *= pair.value.items.length;
      else if (isReference(pair.value)) return;
    }
    total += product;
  }
  if (total > MAX_PARALLEL) {
    r.report('value', `\`${r.path}:matrix\`${inOwner(r)} creates ${total} jobs; GitLab allows at most ${MAX_PARALLEL} per job`, matrix);
  }
}

// ---- inputs ----------------------------------------------------------------------------------

export const INPUT_TYPES = ['string', 'number', 'boolean', 'array'] as const;

/** An input's `default` (and `options`) must have its declared `type` (string when omitted). */
export function checkInputDefault(map: YMap, r: ValueReporter): void {
  const typeNode = getIn(map, 'type');
  const declared = stringValue(typeNode) ?? (typeNode === undefined ? 'string' : undefined);
  if (!declared || !(INPUT_TYPES as readonly string[]).includes(declared)) return;
  const check = (value: YNode, what: string) => {
    if (isReference(value)) return;
    const actual = inputKind(value);
    if (actual === undefined || actual === declared) return;
    const implied = typeNode === undefined ? ' (an input without `type:` is a string)' : '';
    r.report('value', `${what} of input \`${r.path.split(':').pop()}\`${inOwner(r)} is ${article(actual)}, but the input's type is \`${declared}\`${implied}`, value);
  };
  const def = getIn(map, 'default');
  if (def !== undefined && !(def.kind === 'scalar' && def.value === null)) check(def, '`default`');
}

function inputKind(node: YNode): string | undefined {
  if (node.kind === 'seq') return 'array';
  if (node.kind === 'map') return 'mapping';
  if (node.value === null) return undefined;
  return typeof node.value;
}

function article(kind: string): string {
  return kind === 'array' ? 'an array' : `a ${kind}`;
}

// ---- helpers ---------------------------------------------------------------------------------

/** " in job `x`" or "". */
export function inOwner(r: ValueReporter): string {
  return r.where ? ` in ${r.where}` : '';
}
