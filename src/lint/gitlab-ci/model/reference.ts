/**
 * `!reference [name, key, …]` as GitLab resolves it: after `extends`, against the whole merged
 * configuration (a job's keys are its extended keys). A reference inside a list whose target is a
 * list is spliced in (GitLab flattens it: script lines, rules, tags). References inside the target
 * are resolved too, up to MAX_REFERENCE_DEPTH levels. Unresolvable references stay in place as
 * `!reference` nodes (the structure checker skips them) and are recorded as model problems.
 */
import type { YMap, YNode, YPair, YSeq } from '../yaml/nodes.js';
import { getIn, isMap, isReference, keyName } from '../yaml/nodes.js';
import type { ModelProblem } from './types.js';
import { pushAll } from '../../../util/push-all.js';

/** GitLab resolves nested references up to this depth. */
export const MAX_REFERENCE_DEPTH = 10;

export class ReferenceResolver {
  private readonly memo = new Map<YNode, YNode>();
  private readonly reported = new Set<YNode>();

  constructor(
    /** Top-level value by name, jobs already extended. */
    private readonly lookup: (name: string) => YNode | undefined,
    private readonly problems: ModelProblem[],
    /** Is the first element of a path possibly defined in a file the model cannot read? */
    private readonly complete: boolean,
  ) {}

  /** `node` with every `!reference` below it replaced by its target. */
  resolve(node: YNode, depth = 0): YNode {
    const known = this.memo.get(node);
    if (known) return known;
    let out: YNode = node;
    if (isReference(node)) {
      out = this.target(node as YSeq, depth) ?? node;
    } else if (node.kind === 'map') {
      let changed = false;
      const pairs: YPair[] = node.pairs.map((pair) => {
        const value = this.resolve(pair.value, depth);
        if (value === pair.value) return pair;
        changed = true;
        return { ...pair, value };
      });
      if (changed) out = { ...node, pairs } as YMap;
    } else if (node.kind === 'seq') {
      let changed = false;
      const items: YNode[] = [];
      for (const item of node.items) {
        const value = this.resolve(item, depth);
        if (value !== item) changed = true;
        if (isReference(item) && value !== item && value.kind === 'seq') pushAll(items, value.items);
        else items.push(value);
      }
      if (changed) out = { ...node, items } as YSeq;
    }
    if (depth === 0) this.memo.set(node, out);
    return out;
  }

  private target(ref: YSeq, depth: number): YNode | undefined {
    const path = ref.items.map((item) => (item.kind === 'scalar' && item.value !== null ? String(item.value) : undefined));
    if (path.length === 0 || path.some((p) => p === undefined || p === '')) {
      this.problem(ref, 'reference-invalid', '`!reference` takes a list of names, such as `!reference [.setup, script]`');
      return undefined;
    }
    if (depth >= MAX_REFERENCE_DEPTH) {
      this.problem(ref, 'reference-cycle', `\`!reference [${path.join(', ')}]\` is nested more than ${MAX_REFERENCE_DEPTH} levels deep (a reference to itself?)`);
      return undefined;
    }
    let cur: YNode | undefined = this.lookup(path[0]!);
    if (cur === undefined) {
      if (this.complete) this.problem(ref, 'reference-unknown', `\`!reference [${path.join(', ')}]\`: \`${path[0]}\` is not defined`, path[0]);
      return undefined;
    }
    for (let i = 1; i < path.length; i++) {
      const index = /^\d+$/.test(path[i]!) ? Number(path[i]) : undefined;
      const next: YNode | undefined = isMap(cur) ? getIn(cur, path[i]!) : cur.kind === 'seq' && index !== undefined ? cur.items[index] : undefined;
      if (next === undefined) {
        const keys = isMap(cur) ? cur.pairs.map((p) => `\`${keyName(p.key)}\``).join(', ') : '';
        this.problem(
          ref,
          'reference-unknown',
          `\`!reference [${path.join(', ')}]\`: \`${path.slice(0, i).join('.')}\` has no key \`${path[i]}\`${keys ? ` (it has ${keys})` : ''}`,
          path[i],
        );
        return undefined;
      }
      cur = next;
    }
    return this.resolve(cur!, depth + 1);
  }

  private problem(ref: YSeq, kind: ModelProblem['kind'], message: string, name?: string): void {
    if (this.reported.has(ref)) return;
    this.reported.add(ref);
    const problem: ModelProblem = { kind, message, file: ref.file, span: ref.span };
    if (name !== undefined) problem.name = name;
    this.problems.push(problem);
  }
}
