import { defineRule, type Fix } from '../../engine/types.js';
import type { CiJob, GitlabCiDoc } from '../model/types.js';
import { isMap, isSeq, keyName, pairOf, type YNode, type YPair } from '../yaml/nodes.js';
import { at, reportOnce } from '../support/report.js';

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/only-except-deprecated',
    kind: 'gitlab-ci',
    severity: 'warning',
    description: '`only:` or `except:` in a job; GitLab no longer develops them and recommends `rules:`.',
    rationale:
      '`rules:` can express every `only`/`except` condition and more (variables, changes, manual and delayed jobs per condition); new GitLab features only come to `rules`. A job that has `rules` too is reported by gitlab-ci/rules-with-only-except instead.',
    howToFix:
      'Rewrite the condition as `rules:`; for example `only: [main]` becomes `rules: [{ if: \'$CI_COMMIT_BRANCH == "main"\' }]` when no tag is named `main`. ' +
      'The fix rewrites branch and tag lists exactly as GitLab reads them: `branches` is `$CI_COMMIT_BRANCH`, `tags` `$CI_COMMIT_TAG`, ' +
      '`merge_requests`, `schedules`, `pushes`, `web`, `api`, `triggers`, `pipelines`, `chat`, `external` and `external_pull_requests` a ' +
      '`$CI_PIPELINE_SOURCE` comparison, and a name or `/regex/` matches branch and tag pipelines only (never merge request ' +
      'pipelines), so `main` becomes `$CI_COMMIT_BRANCH == "main" || $CI_COMMIT_TAG == "main"`. `except:` items come first with ' +
      '`when: never`, then the `only:` items, or GitLab\'s default `only: [branches, tags]`. No fix for `variables`, `changes`, ' +
      '`kubernetes`, `@project` refs, manual or delayed jobs (their `allow_failure` and `start_in` behave differently with ' +
      '`rules`), jobs that other jobs extend or that inherit conditions through `extends`, and values shared through anchors or `!reference`.',
    fixable: true,
    aliases: [],
    examples: {
      bad: [
        {
          code: 'deploy:\n  script: make deploy\n  only:\n    - main\n',
          output: 'deploy:\n  script: make deploy\n  rules:\n    - if: $CI_COMMIT_BRANCH == "main" || $CI_COMMIT_TAG == "main"\n',
        },
        {
          code: 'test:\n  script: make test\n  except:\n    - tags\n',
          output: 'test:\n  script: make test\n  rules:\n    - if: $CI_COMMIT_TAG\n      when: never\n    - if: $CI_COMMIT_BRANCH\n',
          note: '`only` defaults to branches and tags',
        },
        {
          code: 'review:\n  script: make review\n  only: [merge_requests, /^release-/]\n  except: [main]\n',
          output:
            'review:\n  script: make review\n  rules: [{ if: \'$CI_COMMIT_BRANCH == "main" || $CI_COMMIT_TAG == "main"\', when: never }, { if: \'$CI_PIPELINE_SOURCE == "merge_request_event"\' }, { if: \'$CI_COMMIT_BRANCH =~ /^release-/ || $CI_COMMIT_TAG =~ /^release-/\' }]\n',
          note: 'flow style stays flow style',
        },
        { code: 'deploy:\n  script: make deploy\n  only:\n    variables:\n      - $DEPLOY == "yes"\n', note: 'variables: no fix' },
      ],
      good: [
        { code: 'deploy:\n  script: make deploy\n  rules:\n    - if: $CI_COMMIT_BRANCH == "main"\n' },
        { code: 'test:\n  script: make test\n  rules:\n    - if: $CI_COMMIT_TAG\n      when: never\n    - when: on_success\n' },
      ],
    },
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const job of ctx.doc.jobs) {
      if (job.rules !== undefined) continue;
      let fix: Fix[] | undefined | null = null;
      for (const keyword of ['only', 'except'] as const) {
        const pair = pairOf(job.resolved, keyword);
        if (!pair || (pair.value.kind === 'scalar' && pair.value.value === null)) continue;
        const message = `\`${keyword}\` in job \`${job.name}\` is no longer developed by GitLab; use \`rules:\` instead (they can express every \`${keyword}\` condition)`;
        if (fix === null) fix = rulesFix(ctx.doc, job);
        if (fix) ctx.report({ message, ...at(ctx, pair.key), fix });
        else report(pair.key, message);
      }
    }
  },
});

/** What `only:`/`except:` refs GitLab matches against a pipeline's source (`merge_requests` → `merge_request_event`). */
const SOURCE_KEYWORDS: Readonly<Record<string, string>> = {
  merge_requests: 'merge_request_event',
  external_pull_requests: 'external_pull_request_event',
  pushes: 'push',
  schedules: 'schedule',
  triggers: 'trigger',
  pipelines: 'pipeline',
  web: 'web',
  api: 'api',
  chat: 'chat',
  external: 'external',
};

/**
 * Other words GitLab also compares with the pipeline's source (it drops `_event` and accepts the
 * singular and the plural): a ref of that name is not simply a branch or tag name.
 */
const SOURCE_WORDS = new Set(
  [
    'api', 'chat', 'external', 'external_pull_request', 'merge_request', 'ondemand_dast_scan', 'ondemand_dast_validation',
    'parent_pipeline', 'pipeline', 'push', 'schedule', 'security_orchestration_policy', 'trigger', 'web', 'webide',
    'container_registry_push', 'duo_workflow', 'unknown',
  ].flatMap((w) => [w, `${w}_event`, `${w}s`, `${w}es`]),
);

type Ref =
  | { kind: 'branches' }
  | { kind: 'tags' }
  | { kind: 'source'; source: string }
  | { kind: 'name' | 'regex'; text: string };

/** A ref of `only`/`except` as GitLab reads it, or undefined when it is not one the fix translates. */
function readRef(item: YNode): Ref | undefined {
  if (item.kind !== 'scalar' || typeof item.value !== 'string') return undefined;
  const v = item.value;
  if (v === 'branches') return { kind: 'branches' };
  if (v === 'tags') return { kind: 'tags' };
  const source = SOURCE_KEYWORDS[v];
  if (source) return { kind: 'source', source };
  if (SOURCE_WORDS.has(v)) return undefined;
  const re = /^\/(.+)\/(i?)$/s.exec(v);
  if (re) {
    if (/[\n\r]/.test(v)) return undefined;
    try {
      new RegExp(re[1]!, re[2]);
    } catch {
      return undefined;
    }
    return { kind: 'regex', text: v };
  }
  // A branch or tag name; `name@group/project` also compares the project path: not translated.
  return /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(v) ? { kind: 'name', text: v } : undefined;
}

/** The refs of `only:`/`except:` written as a name, a list, or `{refs: […]}`; undefined for anything else. */
function readRefs(node: YNode): Ref[] | undefined {
  let list: YNode = node;
  if (isMap(node)) {
    if (node.pairs.length !== 1 || keyName(node.pairs[0]!.key) !== 'refs' || node.pairs[0]!.merged) return undefined;
    list = node.pairs[0]!.value;
  }
  const items = isSeq(list) ? (list.tag ? [] : list.items) : [list];
  if (items.length === 0) return undefined;
  const refs: Ref[] = [];
  for (const item of items) {
    const ref = readRef(item);
    if (!ref) return undefined;
    refs.push(ref);
  }
  return refs;
}

/**
 * The `if:` expressions of refs, one per ref that can match. GitLab matches a name or `/regex/`
 * against the ref of branch and tag pipelines only; `loose` says the job runs in no other pipeline
 * anyway, so `$CI_COMMIT_REF_NAME` (which a merge request pipeline sets too) says it shorter.
 * `excluded` holds `branches`/`tags` when an earlier `when: never` rule already takes all such
 * pipelines: conditions on them are left out.
 */
function conditions(refs: readonly Ref[], loose: boolean, excluded: ReadonlySet<Ref['kind']> = new Set()): string[] {
  const has = (kind: Ref['kind']) => excluded.has(kind) || refs.some((r) => r.kind === kind);
  const out: string[] = [];
  for (const ref of refs) {
    let condition: string | undefined;
    if (excluded.has(ref.kind)) continue;
    if (ref.kind === 'branches') condition = '$CI_COMMIT_BRANCH';
    else if (ref.kind === 'tags') condition = '$CI_COMMIT_TAG';
    else if (ref.kind === 'source') condition = `$CI_PIPELINE_SOURCE == "${ref.source}"`;
    else {
      const op = ref.kind === 'name' ? '==' : '=~';
      const operand = ref.kind === 'name' ? `"${ref.text}"` : ref.text;
      const variables = loose ? ['$CI_COMMIT_REF_NAME'] : [...(has('branches') ? [] : ['$CI_COMMIT_BRANCH']), ...(has('tags') ? [] : ['$CI_COMMIT_TAG'])];
      if (variables.length > 0) condition = variables.map((v) => `${v} ${op} ${operand}`).join(' || ');
    }
    if (condition !== undefined && !out.includes(condition)) out.push(condition);
  }
  return out;
}

/** The job's own `only`/`except` pair, written in the linted file where the fix can edit it. */
function ownPair(doc: GitlabCiDoc, job: CiJob, keyword: string): YPair | undefined {
  const pair = pairOf(job.own, keyword);
  if (!pair || pair.merged || pair !== pairOf(job.resolved, keyword)) return undefined;
  const inside = (n: YNode) => n.file.path === doc.file.path && n.span.start >= job.own.span.start && n.span.end <= job.own.span.end;
  return inside(pair.key) && inside(pair.value) ? pair : undefined;
}

/**
 * `only:`/`except:` of a job rewritten as one `rules:` in place of the first of them (the other one
 * removed with its lines), in block or flow style as the first was written. Undefined when the
 * rewrite could change which pipelines get the job or what it does in them (see howToFix).
 */
function rulesFix(doc: GitlabCiDoc, job: CiJob): Fix[] | undefined {
  if (!doc.entry || job.incomplete || job.definitions.length !== 1 || job.rules !== undefined) return undefined;
  if (job.startIn !== undefined || ['manual', 'delayed'].includes(String(job.when?.value))) return undefined;
  if (doc.duplicates.some((d) => d.map === job.own)) return undefined;
  const all = [...doc.jobs, ...doc.hiddenJobs];
  for (const name of job.ancestors) {
    const ancestor = doc.job(name);
    if (!ancestor || ['only', 'except', 'rules'].some((k) => pairOf(ancestor.own, k))) return undefined;
  }
  if (all.some((j) => j !== job && j.ancestors.includes(job.name))) return undefined;
  const text = doc.file.text;
  const escaped = job.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (new RegExp(`!reference\\s*\\[\\s*["']?${escaped}["']?\\s*,`).test(text)) return undefined;
  // A flow mapping job (`job: {script: x, only: [main]}`) or an anchored one (`job: &job`): not edited.
  if (text[job.own.span.start] === '{' || text.slice(job.key.span.end, job.own.span.start).includes('&')) return undefined;

  const pairs: YPair[] = [];
  for (const keyword of ['only', 'except']) {
    if (!pairOf(job.resolved, keyword)) continue;
    const pair = ownPair(doc, job, keyword);
    if (!pair) return undefined;
    pairs.push(pair);
  }
  if (pairs.length === 0) return undefined;
  const onlyPair = pairs.find((p) => keyName(p.key) === 'only');
  const exceptPair = pairs.find((p) => keyName(p.key) === 'except');
  // Without `only:`, GitLab's default is `only: [branches, tags]`.
  const only = onlyPair ? readRefs(onlyPair.value) : undefined;
  const except = exceptPair ? readRefs(exceptPair.value) : [];
  if ((onlyPair && !only) || !except) return undefined;
  const never = conditions(except, !only || only.every((r) => r.kind !== 'source'));
  const excluded = new Set(except.filter((r) => r.kind === 'branches' || r.kind === 'tags').map((r) => r.kind));
  const defaults = conditions([{ kind: 'branches' }, { kind: 'tags' }], false, excluded).join(' || ');
  const run = only ? conditions(only, false, excluded) : defaults ? [defaults] : [];
  if (run.length === 0) return undefined;

  // Where each pair is written: from its key to the end of its last line, which must hold nothing else.
  const regions: { start: number; end: number; lineStart: number; next: number }[] = [];
  for (const pair of pairs) {
    const lineStart = text.lastIndexOf('\n', pair.key.span.start - 1) + 1;
    if (text.slice(lineStart, pair.key.span.start).trim() !== '') return undefined;
    const valueText = text.slice(pair.value.span.start, pair.value.span.end);
    const contentEnd = pair.value.span.start + valueText.trimEnd().length;
    const newline = text.indexOf('\n', contentEnd);
    const lineEnd = newline < 0 ? text.length : newline;
    const region = text.slice(pair.key.span.start, lineEnd);
    // Comments, anchors, aliases, tags and merge keys would be lost or shared: not edited.
    if (/(^|\s)#|(^|[\s[{,])[&*!]\S|<</.test(region)) return undefined;
    const end = region.endsWith('\r') ? lineEnd - 1 : lineEnd;
    regions.push({ start: pair.key.span.start, end, lineStart, next: newline < 0 ? text.length : newline + 1 });
  }
  const order = pairs.map((p, i) => i).sort((a, b) => regions[a]!.start - regions[b]!.start);
  const first = pairs[order[0]!]!;
  const firstRegion = regions[order[0]!]!;
  const value = first.value;
  const flow = value.kind !== 'scalar' && (text[value.span.start] === '[' || text[value.span.start] === '{');
  const rules = [...never.map((c) => ({ if: c, never: true })), ...run.map((c) => ({ if: c, never: false }))];
  let replacement: string;
  if (flow) {
    const items = rules.map((r) => `{ if: ${quoted(r.if)}${r.never ? ', when: never' : ''} }`);
    replacement = `rules: [${items.join(', ')}]`;
  } else {
    const keyColumn = first.key.span.start - firstRegion.lineStart;
    const valueLineStart = text.lastIndexOf('\n', value.span.start - 1) + 1;
    const block = value.kind !== 'scalar' && valueLineStart > firstRegion.lineStart;
    const indent = ' '.repeat(block ? value.span.start - valueLineStart : keyColumn + 2);
    const eol = text.slice(firstRegion.end, firstRegion.end + 2) === '\r\n' ? '\r\n' : '\n';
    replacement = 'rules:';
    for (const r of rules) {
      replacement += `${eol}${indent}- if: ${plainOrQuoted(r.if)}`;
      if (r.never) replacement += `${eol}${indent}  when: never`;
    }
  }
  const fixes: Fix[] = [{ range: [firstRegion.start, firstRegion.end], text: replacement }];
  for (const i of order.slice(1)) fixes.push({ range: [regions[i]!.lineStart, regions[i]!.next], text: '' });
  return fixes;
}

/** A single-quoted YAML scalar. */
function quoted(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A plain YAML scalar when the value reads back the same in block context, else single-quoted. */
function plainOrQuoted(value: string): string {
  return /^\$[A-Za-z_]/.test(value) && !/: |\s#|[\t'\\\[\]{},]|:$/.test(value) ? value : quoted(value);
}
