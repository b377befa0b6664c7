/**
 * CI variables for rules: the value a job sees, `$VAR` expansion with the variables the file
 * defines, and every `variables:` mapping of a file with the jobs it applies to.
 */
import type { CiJob, CiVariable, GitlabCiDoc } from '../model/types.js';
import type { YScalar } from '../yaml/nodes.js';

/** The variable `name` as job `job` sees it: its own `variables:` (with extends), then the global ones it inherits. */
export function jobVariable(doc: GitlabCiDoc, job: CiJob | undefined, name: string): CiVariable | undefined {
  if (job) {
    const own = findLast(job.variables, name);
    if (own) return own;
    if (!job.inheritsVariable(name)) return undefined;
  }
  return findLast(doc.variables, name);
}

function findLast(list: readonly CiVariable[], name: string): CiVariable | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.name === name) return list[i];
  return undefined;
}

/** A piece of an expanded value: literal text (written or from a known variable), or an unknown `$VAR` kept as written. */
export interface ExpandedPiece {
  text: string;
  known: boolean;
  /** Where the piece starts in the unexpanded text, when it is written there (not from a variable). */
  from?: number;
}

export interface Expanded {
  value: string;
  pieces: ExpandedPiece[];
  /** True when every `$VAR` was known. */
  known: boolean;
  /** True when the text used any variable. */
  usesVariables: boolean;
}

const REFERENCE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Expands `$VAR` and `${VAR}` as GitLab does in keywords such as `image:` and in variable values,
 * with `lookup` giving the value of a variable defined in the file (undefined: unknown, kept as
 * written). Values are expanded again up to a few levels; `$$` is a literal `$`.
 */
export function expandVariables(text: string, lookup: (name: string) => string | undefined, depth = 0): Expanded {
  const pieces: ExpandedPiece[] = [];
  let usesVariables = false;
  let last = 0;
  const literal = (from: number, to: number) => {
    if (to > from) pieces.push({ text: text.slice(from, to), known: true, from });
  };
  for (const m of text.matchAll(REFERENCE)) {
    literal(last, m.index);
    last = m.index + m[0].length;
    if (m[0] === '$$') {
      pieces.push({ text: '$', known: true, from: m.index });
      continue;
    }
    usesVariables = true;
    const name = m[1] ?? m[2]!;
    const value = depth < 5 ? lookup(name) : undefined;
    if (value === undefined || value.includes(`$${name}`) || value.includes(`\${${name}}`)) {
      pieces.push({ text: m[0], known: false });
      continue;
    }
    const inner = expandVariables(value, lookup, depth + 1);
    for (const p of inner.pieces) pieces.push({ text: p.text, known: p.known });
  }
  literal(last, text.length);
  return {
    value: pieces.map((p) => p.text).join(''),
    pieces,
    known: pieces.every((p) => p.known),
    usesVariables,
  };
}

/** Expands with the variables job `job` sees (or the global ones), expanding only values that GitLab expands. */
export function expandForJob(doc: GitlabCiDoc, job: CiJob | undefined, text: string): Expanded {
  return expandVariables(text, (name) => {
    const v = jobVariable(doc, job, name);
    if (!v || v.text === undefined) return undefined;
    return v.expand ? v.text : v.text.replace(/\$/g, '$$$$');
  });
}

export type VariableScope = 'global' | 'job' | 'service' | 'rules' | 'workflow';

/** One variable as written, with where it applies. */
export interface VariableDefinition {
  variable: CiVariable;
  scope: VariableScope;
  /** The jobs (not hidden) that run with it. */
  jobs: CiJob[];
  /** The job (maybe hidden) it was first found in, for job, service and rules variables. */
  owner?: CiJob;
  /** The variables of the same mapping (for the job scope: the job's variables with extends). */
  siblings: readonly CiVariable[];
}

/**
 * Every variable written in the file or its local includes, once each (a template's variable is
 * listed once, with every job that extends the template), in this order: global, workflow rules,
 * jobs', services', rules'.
 */
export function variableDefinitions(doc: GitlabCiDoc): VariableDefinition[] {
  const byKey = new Map<YScalar, VariableDefinition>();
  const add = (variable: CiVariable, scope: VariableScope, siblings: readonly CiVariable[], job?: CiJob) => {
    let def = byKey.get(variable.key);
    if (!def) {
      def = { variable, scope, jobs: [], siblings, ...(job ? { owner: job } : {}) };
      byKey.set(variable.key, def);
    }
    if (job && !job.hidden && !def.jobs.includes(job)) def.jobs.push(job);
  };
  for (const v of doc.variables) {
    const def = { variable: v, scope: 'global' as const, jobs: doc.jobs.filter((j) => jobVariable(doc, j, v.name) === v), siblings: doc.variables };
    byKey.set(v.key, def);
  }
  for (const rule of doc.workflow?.rules ?? []) {
    for (const v of rule.variables) if (!byKey.has(v.key)) byKey.set(v.key, { variable: v, scope: 'workflow', jobs: [...doc.jobs], siblings: rule.variables });
  }
  const jobs = [...doc.jobs, ...doc.hiddenJobs];
  for (const job of jobs) for (const v of job.variables) add(v, 'job', job.variables, job);
  for (const job of jobs) for (const service of job.services) for (const v of service.variables) add(v, 'service', service.variables, job);
  for (const job of jobs) for (const rule of job.rules ?? []) for (const v of rule.variables) add(v, 'rules', rule.variables, job);
  return [...byKey.values()];
}
