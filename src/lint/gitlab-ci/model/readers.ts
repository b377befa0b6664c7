/**
 * Lenient readers from YNodes to the typed model: a value of the wrong shape gives undefined or
 * an empty list (the structure rules report it), never a guess.
 */
import { parseExpression } from '../expression/parse.js';
import type { YNode, YScalar } from '../yaml/nodes.js';
import { getIn, isMap, isSeq, keyName } from '../yaml/nodes.js';
import type {
  CiAllowFailure,
  CiArtifacts,
  CiCache,
  CiEnvironment,
  CiImage,
  CiInherit,
  CiNeed,
  CiParallel,
  CiRetry,
  CiRule,
  CiTrigger,
  CiVariable,
  Origin,
  ScriptKeyword,
  ScriptLine,
} from './types.js';
import { pushAll } from '../../../util/push-all.js';

/** A scalar node (any scalar type except null). */
export function scalarAt(node: YNode | undefined): YScalar | undefined {
  return node?.kind === 'scalar' && node.value !== null ? node : undefined;
}

function stringAt(node: YNode | undefined): YScalar | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node : undefined;
}

function boolOf(node: YNode | undefined): boolean | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'boolean' ? node.value : undefined;
}

/**
 * The items of a list, with nested lists flattened (what an alias to a list or a `!reference`
 * inside a list produces; GitLab flattens them). Not a list: no items.
 */
export function flatItems(node: YNode | undefined, depth = 0): YNode[] {
  if (!isSeq(node) || node.tag === '!reference') return [];
  const out: YNode[] = [];
  for (const item of node.items) {
    if (isSeq(item) && item.tag !== '!reference' && depth < 10) pushAll(out, flatItems(item, depth + 1));
    else out.push(item);
  }
  return out;
}

/** Scalars of a list, or of a single scalar; nested lists are flattened. */
export function scalarList(node: YNode | undefined): YScalar[] {
  if (!node) return [];
  if (node.kind === 'scalar') return node.value === null ? [] : [node];
  if (node.kind !== 'seq') return [];
  const out: YScalar[] = [];
  for (const item of node.items) pushAll(out, scalarList(item));
  return out;
}

export function readScript(node: YNode | undefined, keyword: ScriptKeyword, origin: Origin): ScriptLine[] {
  const out: ScriptLine[] = [];
  const visit = (n: YNode, depth: number) => {
    if (n.kind === 'scalar') {
      if (n.value === null) return;
      const text = String(n.value);
      if (text === '') return;
      out.push({ text, node: n, file: n.file, span: n.span, keyword, origin });
    } else if (n.kind === 'seq' && n.tag !== '!reference' && depth < 10) {
      for (const item of n.items) visit(item, depth + 1);
    }
  };
  if (node) visit(node, 0);
  return out;
}

export function readVariables(node: YNode | undefined): CiVariable[] {
  if (!isMap(node)) return [];
  return node.pairs.map((pair) => {
    const v = pair.value;
    const variable: CiVariable = { name: keyName(pair.key), key: pair.key, expand: true, options: [], node: v };
    if (v.kind === 'scalar') {
      if (v.value !== null) {
        variable.value = v;
        variable.text = String(v.value);
      }
    } else if (isMap(v)) {
      const value = scalarAt(getIn(v, 'value'));
      if (value) {
        variable.value = value;
        variable.text = String(value.value);
      }
      const description = stringAt(getIn(v, 'description'));
      if (description) variable.description = description;
      if (boolOf(getIn(v, 'expand')) === false) variable.expand = false;
      variable.options = scalarList(getIn(v, 'options'));
    }
    return variable;
  });
}

export function readImage(node: YNode | undefined, origin: Origin): CiImage | undefined {
  if (!node) return undefined;
  const image: CiImage = { node, entrypoint: [], pullPolicy: [], command: [], variables: [], origin };
  if (node.kind === 'scalar') {
    const name = stringAt(node);
    if (!name) return undefined;
    image.name = name;
    return image;
  }
  if (!isMap(node)) return undefined;
  const name = stringAt(getIn(node, 'name'));
  if (name) image.name = name;
  image.entrypoint = scalarList(getIn(node, 'entrypoint'));
  image.pullPolicy = scalarList(getIn(node, 'pull_policy'));
  const alias = stringAt(getIn(node, 'alias'));
  if (alias) image.alias = alias;
  image.command = scalarList(getIn(node, 'command'));
  image.variables = readVariables(getIn(node, 'variables'));
  return image;
}

export function readServices(node: YNode | undefined, origin: Origin): CiImage[] {
  return flatItems(node)
    .map((item) => readImage(item, origin))
    .filter((s): s is CiImage => s !== undefined);
}

export function readNeeds(node: YNode | undefined): CiNeed[] | undefined {
  if (!isSeq(node)) return undefined;
  const out: CiNeed[] = [];
  for (const item of flatItems(node)) {
    if (item.kind === 'scalar') {
      const job = stringAt(item);
      if (job) out.push({ node: item, kind: 'job', job, artifacts: true, optional: false });
      continue;
    }
    if (!isMap(item)) continue;
    const need: CiNeed = { node: item, kind: 'job', artifacts: boolOf(getIn(item, 'artifacts')) ?? true, optional: boolOf(getIn(item, 'optional')) ?? false };
    const job = stringAt(getIn(item, 'job'));
    if (job) need.job = job;
    const pipeline = scalarAt(getIn(item, 'pipeline'));
    const project = stringAt(getIn(item, 'project'));
    const ref = stringAt(getIn(item, 'ref'));
    if (pipeline) {
      need.kind = 'pipeline';
      need.pipeline = pipeline;
    } else if (project) {
      need.kind = 'project';
      need.project = project;
    }
    if (ref) need.ref = ref;
    const parallel = getIn(item, 'parallel');
    if (parallel) need.parallel = parallel;
    out.push(need);
  }
  return out;
}

export function readRules(node: YNode | undefined): CiRule[] | undefined {
  if (!isSeq(node)) return undefined;
  const out: CiRule[] = [];
  for (const item of flatItems(node)) {
    if (!isMap(item)) continue;
    const rule: CiRule = { node: item, variables: readVariables(getIn(item, 'variables')) };
    const ifNode = stringAt(getIn(item, 'if'));
    if (ifNode) {
      rule.if = ifNode;
      const parsed = parseExpression(String(ifNode.value));
      if (parsed.ast) rule.ifExpression = parsed.ast;
    }
    const changes = getIn(item, 'changes');
    if (changes) rule.changes = changes;
    const exists = getIn(item, 'exists');
    if (exists) rule.exists = exists;
    const when = stringAt(getIn(item, 'when'));
    if (when) rule.when = when;
    const startIn = stringAt(getIn(item, 'start_in'));
    if (startIn) rule.startIn = startIn;
    const allowFailure = scalarAt(getIn(item, 'allow_failure'));
    if (allowFailure) rule.allowFailure = allowFailure;
    const interruptible = scalarAt(getIn(item, 'interruptible'));
    if (interruptible) rule.interruptible = interruptible;
    const needs = readNeeds(getIn(item, 'needs'));
    if (needs) rule.needs = needs;
    out.push(rule);
  }
  return out;
}

export function readEnvironment(node: YNode | undefined): CiEnvironment | undefined {
  if (!node) return undefined;
  if (node.kind === 'scalar') {
    const name = stringAt(node);
    return name ? { node, name } : undefined;
  }
  if (!isMap(node)) return undefined;
  const env: CiEnvironment = { node };
  const fields: Array<[keyof CiEnvironment, string]> = [
    ['name', 'name'],
    ['url', 'url'],
    ['action', 'action'],
    ['onStop', 'on_stop'],
    ['autoStopIn', 'auto_stop_in'],
    ['deploymentTier', 'deployment_tier'],
  ];
  for (const [field, key] of fields) {
    const value = stringAt(getIn(node, key));
    if (value) (env as unknown as Record<string, YScalar>)[field] = value;
  }
  return env;
}

export function readCache(node: YNode | undefined): CiCache[] {
  const items = isSeq(node) ? flatItems(node) : node ? [node] : [];
  const out: CiCache[] = [];
  for (const item of items) {
    if (!isMap(item)) continue;
    const cache: CiCache = { node: item, paths: scalarList(getIn(item, 'paths')), fallbackKeys: scalarList(getIn(item, 'fallback_keys')) };
    const key = getIn(item, 'key');
    if (key) cache.key = key;
    const policy = stringAt(getIn(item, 'policy'));
    if (policy) cache.policy = policy;
    const when = stringAt(getIn(item, 'when'));
    if (when) cache.when = when;
    const untracked = scalarAt(getIn(item, 'untracked'));
    if (untracked) cache.untracked = untracked;
    out.push(cache);
  }
  return out;
}

export function readArtifacts(node: YNode | undefined): CiArtifacts | undefined {
  if (!isMap(node)) return undefined;
  const artifacts: CiArtifacts = { node, paths: scalarList(getIn(node, 'paths')), exclude: scalarList(getIn(node, 'exclude')) };
  const fields: Array<[keyof CiArtifacts, string]> = [
    ['name', 'name'],
    ['expireIn', 'expire_in'],
    ['when', 'when'],
    ['untracked', 'untracked'],
    ['public', 'public'],
    ['access', 'access'],
    ['exposeAs', 'expose_as'],
  ];
  for (const [field, key] of fields) {
    const value = scalarAt(getIn(node, key));
    if (value) (artifacts as unknown as Record<string, YScalar>)[field] = value;
  }
  const reports = getIn(node, 'reports');
  if (isMap(reports)) artifacts.reports = reports;
  return artifacts;
}

export function readTrigger(node: YNode | undefined): CiTrigger | undefined {
  if (!node) return undefined;
  if (node.kind === 'scalar') {
    const project = stringAt(node);
    return project ? { node, project } : undefined;
  }
  if (!isMap(node)) return undefined;
  const trigger: CiTrigger = { node };
  const project = stringAt(getIn(node, 'project'));
  if (project) trigger.project = project;
  const branch = stringAt(getIn(node, 'branch'));
  if (branch) trigger.branch = branch;
  const include = getIn(node, 'include');
  if (include) trigger.include = include;
  const strategy = stringAt(getIn(node, 'strategy'));
  if (strategy) trigger.strategy = strategy;
  const forward = getIn(node, 'forward');
  if (isMap(forward)) trigger.forward = forward;
  return trigger;
}

export function readParallel(node: YNode | undefined): CiParallel | undefined {
  if (!node) return undefined;
  if (node.kind === 'scalar') {
    return typeof node.value === 'number' && Number.isInteger(node.value) ? { node, count: node.value, jobCount: node.value } : undefined;
  }
  if (!isMap(node)) return undefined;
  const matrixNode = getIn(node, 'matrix');
  if (!isSeq(matrixNode)) return undefined;
  const matrix: Array<Map<string, YScalar[]>> = [];
  let jobCount = 0;
  for (const entry of matrixNode.items) {
    if (!isMap(entry)) continue;
    const vars = new Map<string, YScalar[]>();
    let product = 1;
    for (const pair of entry.pairs) {
      const values = scalarList(pair.value);
      vars.set(keyName(pair.key), values);
      product *= Math.max(1, values.length);
    }
    matrix.push(vars);
    jobCount += product;
  }
  return { node, matrix, jobCount };
}

export function readRetry(node: YNode | undefined): CiRetry | undefined {
  if (!node) return undefined;
  if (node.kind === 'scalar') {
    return typeof node.value === 'number' ? { node, max: node.value, when: [], exitCodes: [] } : undefined;
  }
  if (!isMap(node)) return undefined;
  const max = getIn(node, 'max');
  const retry: CiRetry = {
    node,
    when: scalarList(getIn(node, 'when')),
    exitCodes: scalarList(getIn(node, 'exit_codes'))
      .map((s) => s.value)
      .filter((v): v is number => typeof v === 'number'),
  };
  if (max?.kind === 'scalar' && typeof max.value === 'number') retry.max = max.value;
  return retry;
}

export function readAllowFailure(node: YNode | undefined): CiAllowFailure | undefined {
  if (!node) return undefined;
  const value = boolOf(node);
  if (value !== undefined) return { node, value, exitCodes: [] };
  if (!isMap(node)) return undefined;
  return {
    node,
    exitCodes: scalarList(getIn(node, 'exit_codes'))
      .map((s) => s.value)
      .filter((v): v is number => typeof v === 'number'),
  };
}

export function readInherit(node: YNode | undefined): CiInherit {
  const inherit: CiInherit = { default: true, variables: true };
  if (!isMap(node)) return inherit;
  const read = (n: YNode | undefined): boolean | string[] => {
    const b = boolOf(n);
    if (b !== undefined) return b;
    if (isSeq(n)) return scalarList(n).map((s) => String(s.value));
    return true;
  };
  inherit.default = read(getIn(node, 'default'));
  inherit.variables = read(getIn(node, 'variables'));
  return inherit;
}

/** Is `keyword` inherited under an `inherit:default` / `inherit:variables` setting? */
export function inherits(setting: boolean | string[], name: string): boolean {
  return setting === true || (Array.isArray(setting) && setting.includes(name));
}

