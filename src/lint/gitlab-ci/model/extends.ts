/**
 * `extends:` as GitLab resolves it: the named jobs (hidden or not) are resolved first, deep-merged
 * in the order listed, and the job's own keys are merged last. Unknown names, cycles and chains
 * deeper than MAX_EXTENDS_DEPTH are recorded as model problems; the job is then resolved with what
 * is known and marked incomplete.
 */
import { suggest } from '../support/suggest.js';
import type { YMap, YNode, YScalar } from '../yaml/nodes.js';
import { getIn, isSeq } from '../yaml/nodes.js';
import { deepMerge, emptyMapAt } from './merge.js';
import type { ModelProblem } from './types.js';

/** GitLab refuses `extends` chains deeper than this. */
export const MAX_EXTENDS_DEPTH = 10;

export interface ExtendsResult {
  resolved: YMap;
  /** Every job extended, directly or not, nearest first. */
  ancestors: string[];
  /** The `extends:` names written on the job itself (or inherited, when the job has none). */
  names: YScalar[];
  incomplete: boolean;
}

export class ExtendsResolver {
  private readonly done = new Map<string, ExtendsResult>();
  private readonly reported = new Set<string>();
  private readonly reportedCycles = new Set<string>();
  /** "Did you mean" per unknown name: a template from an include is often extended by every job. */
  private readonly guesses = new Map<string, string | undefined>();

  constructor(
    /** Top-level job mappings by name (hidden ones included). */
    private readonly jobs: ReadonlyMap<string, YMap>,
    private readonly problems: ModelProblem[],
  ) {}

  private suggestJob(target: string): string | undefined {
    if (!this.guesses.has(target)) this.guesses.set(target, suggest(target, this.jobs.keys()));
    return this.guesses.get(target);
  }

  resolve(name: string, stack: string[] = []): ExtendsResult {
    const known = this.done.get(name);
    if (known) return known;
    const own = this.jobs.get(name)!;
    const names = extendsNames(getIn(own, 'extends'));
    let base: YMap = emptyMapAt(own);
    const ancestors: string[] = [];
    let incomplete = false;
    for (const ref of names) {
      const target = String(ref.value);
      if (stack.includes(target) || target === name) {
        const cycle = target === name ? [name, name] : [...stack.slice(stack.indexOf(target)), name, target];
        const members = [...new Set(cycle)].sort().join('\u0000');
        if (this.reportedCycles.has(members)) {
          incomplete = true;
          continue;
        }
        this.reportedCycles.add(members);
        this.problem(ref, {
          kind: 'extends-cycle',
          message: `\`extends\` of job \`${name}\` forms a cycle: ${cycle.map((c) => `\`${c}\``).join(' → ')}; remove one of the links`,
          job: name,
          name: target,
        });
        incomplete = true;
        continue;
      }
      const targetMap = this.jobs.get(target);
      if (!targetMap) {
        const guess = this.suggestJob(target);
        this.problem(ref, {
          kind: 'extends-unknown',
          message: `job \`${name}\` extends \`${target}\`, which is not defined${guess ? `; did you mean \`${guess}\`?` : ''}`,
          job: name,
          name: target,
        });
        incomplete = true;
        continue;
      }
      if (stack.length >= MAX_EXTENDS_DEPTH) {
        this.problem(ref, {
          kind: 'extends-too-deep',
          message: `\`extends\` of job \`${name}\` goes deeper than ${MAX_EXTENDS_DEPTH} levels, GitLab's limit; flatten the chain of templates`,
          job: name,
          name: target,
        });
        incomplete = true;
        continue;
      }
      const parent = this.resolve(target, [...stack, name]);
      if (parent.incomplete) incomplete = true;
      base = deepMerge(base, parent.resolved);
      ancestors.push(target, ...parent.ancestors.filter((a) => !ancestors.includes(a)));
    }
    const resolved = names.length > 0 ? deepMerge(base, own) : own;
    const result: ExtendsResult = { resolved, ancestors: [...new Set(ancestors)], names, incomplete };
    // A result computed inside a cycle is partial; only cache results computed from the top.
    if (stack.length === 0 || !incomplete) this.done.set(name, result);
    return result;
  }

  private problem(at: YScalar, problem: Omit<ModelProblem, 'file' | 'span'>): void {
    const id = `${at.file.path}:${at.span.start}:${problem.kind}`;
    if (this.reported.has(id)) return;
    this.reported.add(id);
    this.problems.push({ ...problem, file: at.file, span: at.span });
  }
}

/** The names in `extends: name` or `extends: [a, b]` (non-strings are left to the structure rules). */
export function extendsNames(node: YNode | undefined): YScalar[] {
  if (!node) return [];
  const items = isSeq(node) ? node.items : [node];
  return items.filter((n): n is YScalar => n.kind === 'scalar' && typeof n.value === 'string' && n.value !== '');
}

