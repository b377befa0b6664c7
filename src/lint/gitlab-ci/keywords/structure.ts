/**
 * The structure of a whole document, checked once and shared by the structure rules:
 * global keywords of every source file (as written), each job after `extends` and `!reference`
 * (what GitLab validates; every value keeps its source position), the `spec:` header, and
 * top-level keys that GitLab would read as jobs by mistake.
 */
import { suggest } from '../support/suggest.js';
import type { CiJob, GitlabCiDoc } from '../model/types.js';
import type { YMap, YPair } from '../yaml/nodes.js';
import { describeNode, isNull, keyName } from '../yaml/nodes.js';
import type { StructureProblem } from './check.js';
import { Checker } from './check.js';
import { DEFAULT_KEYWORDS, GLOBAL_KEYWORD_TYPES, GLOBAL_KEYWORDS, HEADER_TYPE, IGNORED_TOP_LEVEL_KEYS, JOB_KEYWORDS, JOB_TYPE } from './table.js';

export type { StructureProblem } from './check.js';

const cache = new WeakMap<GitlabCiDoc, StructureProblem[]>();

/** All structural problems of the document, in file order, each reported once. */
export function structureProblems(doc: GitlabCiDoc): StructureProblem[] {
  const known = cache.get(doc);
  if (known) return known;
  const checker = new Checker();
  const notJobs = new Set<string>();
  for (const source of doc.sources) {
    if (source.badRoot) {
      checker.add(
        'type',
        `the top level of a GitLab CI file must be a mapping of global keywords and jobs, not ${describeNode(source.badRoot)}`,
        source.badRoot,
      );
    }
    if (source.header) checker.checkMap(source.header, HEADER_TYPE, { path: '', owner: 'the `spec:` header' }, undefined);
    for (const pair of source.root?.pairs ?? []) {
      const name = keyName(pair.key);
      const globalType = GLOBAL_KEYWORD_TYPES[name];
      if (globalType) {
        checker.check(pair.value, globalType, { path: name, owner: '' }, pair.key);
      } else if (IGNORED_TOP_LEVEL_KEYS.includes(name) || name.startsWith('.')) {
        continue;
      } else if (misplacedTopLevelKey(pair, checker)) {
        notJobs.add(name);
      }
    }
  }
  for (const job of doc.jobs) {
    if (notJobs.has(job.name)) continue;
    checkJob(job, doc, checker);
  }
  const problems = dedupe(checker.problems);
  cache.set(doc, problems);
  return problems;
}

/** Top-level names GitLab reads as jobs although they were not meant as jobs. */
export function misreadTopLevelKeys(doc: GitlabCiDoc): Set<string> {
  const names = new Set<string>();
  for (const source of doc.sources) {
    for (const pair of source.root?.pairs ?? []) {
      const name = keyName(pair.key);
      if (GLOBAL_KEYWORD_TYPES[name] || IGNORED_TOP_LEVEL_KEYS.includes(name) || name.startsWith('.')) continue;
      if (misplacedTopLevelKey(pair, new Checker())) names.add(name);
    }
  }
  return names;
}

function checkJob(job: CiJob, doc: GitlabCiDoc, checker: Checker): void {
  const jobChecker = new Checker();
  const resolved = withoutNullOverrides(job, doc);
  jobChecker.checkMap(resolved, JOB_TYPE, { path: '', owner: `job \`${job.name}\`` }, undefined, job.key, ownerOfPair(job, doc));
  // Required keys may come from a template or a file the model cannot see.
  const partial = job.incomplete || !doc.complete;
  for (const problem of jobChecker.problems) {
    if (partial && problem.category === 'missing-key') continue;
    checker.problems.push(problem);
  }
}

/** "job `x`", or "template `.t` (extended by job `x`)" for keys a job gets from what it extends. */
function ownerOfPair(job: CiJob, doc: GitlabCiDoc): (pair: YPair) => string {
  const self = `job \`${job.name}\``;
  return (pair) => {
    if (job.definitions.some((d) => d.pairs.some((p) => p.key === pair.key))) return self;
    for (const name of job.ancestors) {
      const ancestor = doc.job(name);
      if (ancestor?.definitions.some((d) => d.pairs.some((p) => p.key === pair.key))) {
        return `${ancestor.hidden ? 'template' : 'job'} \`${name}\` (extended by job \`${job.name}\`)`;
      }
    }
    return self;
  };
}

/**
 * `parallel: null` in a job that extends a template with `parallel:` unsets the template's value
 * (GitLab treats a null keyword as not given): not a type error. Such keys are left out of the check.
 */
function withoutNullOverrides(job: CiJob, doc: GitlabCiDoc): YMap {
  const inherited = (key: string) =>
    job.ancestors.some((name) => doc.job(name)?.resolved.pairs.some((p) => keyName(p.key) === key && !isNull(p.value))) ||
    (doc.default?.pairs.some((p) => keyName(p.key) === key) ?? false) ||
    doc.config.pairs.some((p) => keyName(p.key) === key && (DEFAULT_KEYWORDS as readonly string[]).includes(key));
  const kept = job.resolved.pairs.filter((p) => !(isNull(p.value) && inherited(keyName(p.key))));
  return kept.length === job.resolved.pairs.length ? job.resolved : { ...job.resolved, pairs: kept };
}

/**
 * A top-level key that is not a global keyword is a job for GitLab. Report the ones that were
 * clearly not meant as jobs; returns true when reported (the key is then not checked as a job).
 */
function misplacedTopLevelKey(pair: YPair, checker: Checker): boolean {
  const name = keyName(pair.key);
  const value = pair.value;
  const globalGuess = suggest(name, GLOBAL_KEYWORDS.filter((k) => k !== 'spec'));
  const isJobKeyword = JOB_KEYWORDS.includes(name);
  if (value.kind !== 'map') {
    if (isJobKeyword || globalGuess) {
      const where = (DEFAULT_KEYWORDS as readonly string[]).includes(name) ? 'into a job or under `default:`' : 'into a job';
      const guess = globalGuess && globalGuess !== name ? `did you mean the global keyword \`${globalGuess}\`?` : '';
      const hint = isJobKeyword ? `; move it ${where}${guess ? ` (or ${guess})` : ''}` : `; ${guess}`;
      checker.add(
        'unknown-key',
        `\`${name}\` is not a global keyword, so GitLab reads it as a job named \`${name}\`, and a job must be a mapping with \`script:\`${hint}`,
        pair.key,
      );
    } else {
      checker.add('type', `job \`${name}\` must be a mapping of job keywords, not ${describeNode(value)}`, value.kind === 'scalar' && value.empty ? pair.key : value);
    }
    return true;
  }
  if (globalGuess && !hasJobKeyword(value)) {
    checker.add(
      'unknown-key',
      `unknown global keyword \`${name}\`: GitLab reads it as a job named \`${name}\`, which has no \`script:\`; did you mean \`${globalGuess}\`?`,
      pair.key,
    );
    return true;
  }
  return false;
}

function hasJobKeyword(map: YMap): boolean {
  return map.pairs.some((p) => JOB_KEYWORDS.includes(keyName(p.key)));
}

function dedupe(problems: StructureProblem[]): StructureProblem[] {
  const seen = new Set<string>();
  const out: StructureProblem[] = [];
  for (const p of problems) {
    const id = `${p.file.path}\u0000${p.span.start}\u0000${p.span.end}\u0000${p.category}\u0000${p.area ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(p);
  }
  return out.sort((a, b) => (a.file.path === b.file.path ? a.span.start - b.span.start : a.file.path < b.file.path ? -1 : 1));
}

