/**
 * A shell check (../shell/check.ts) as a Dockerfile rule `dockerfile/<name>`: it runs on the script of
 * every RUN (ONBUILD RUN included) in a POSIX-shell stage, and its shell examples become Dockerfiles.
 */
import type { Fix, Rule, RuleExample } from '../engine/types.js';
import type { ShellCheck, ShellCheckContext, ShellExample, ShellMount } from '../shell/check.js';
import { ScriptHistory } from '../shell/history.js';
import type { DockerfileDoc, RunInstruction, Stage, StageState } from './model.js';
import { rootImage } from './queries.js';

/** The base image of wrapped examples when the example names none. */
export const DEFAULT_EXAMPLE_IMAGE = 'debian:bookworm-slim';

export function dockerfileShellRule(check: ShellCheck): Rule<DockerfileDoc> {
  if (!check.hosts.includes('dockerfile')) {
    throw new Error(`shell check ${check.name} does not apply to Dockerfiles (hosts: ${check.hosts.join(', ')})`);
  }
  return {
    meta: {
      id: `dockerfile/${check.name}`,
      kind: 'dockerfile',
      severity: check.severity,
      description: check.description,
      rationale: check.rationale,
      howToFix: check.howToFix,
      fixable: check.fixable,
      aliases: check.aliases?.dockerfile ?? [],
      examples: {
        bad: check.examples.bad.map(wrapShellExample),
        good: check.examples.good.map(wrapShellExample),
      },
    },
    check(ctx) {
      for (const { run, context: c } of shellRuns(ctx.doc)) {
        // Every field written out: `{ ...c, report }` would give each context a hidden class of its own
        // (see extend in parse.ts), and the checks' reads of it would all be megamorphic.
        check.check({
          host: c.host,
          script: c.script,
          variable: c.variable,
          mounts: c.mounts,
          image: c.image,
          earlier: c.earlier,
          report: (r) => {
            const fixes = r.fix === undefined ? undefined : Array.isArray(r.fix) ? r.fix : [r.fix];
            const safe = fixes && fixes.every((f) => fixIsSafe(f, run)) ? fixes : undefined;
            ctx.report({ message: r.message, span: r.span, ...(safe ? { fix: safe } : {}) });
          },
        });
      }
    },
  };
}

/** A RUN with a shell script, and what every shell check is told about it. */
interface ShellRun {
  run: RunInstruction;
  context: Omit<ShellCheckContext, 'report'>;
}

/**
 * The RUNs (ONBUILD triggers included) whose command is shell, with their check context: built once per
 * document for the ~30 shell rules, which all read the same.
 */
const shellRunsOf = new WeakMap<DockerfileDoc, ShellRun[]>();

function shellRuns(doc: DockerfileDoc): ShellRun[] {
  let list = shellRunsOf.get(doc);
  if (!list) {
    const histories = buildHistories(doc);
    list = [];
    for (const run of doc.find('RUN', { triggers: true })) {
      const script = run.script;
      if (!script) continue;
      list.push({
        run,
        context: {
          host: 'dockerfile',
          script,
          variable: lookupIn(run.state),
          mounts: run.mounts.length === 0 ? NO_MOUNTS : run.mounts.map((m) => ({ type: m.type, target: m.target })),
          image: run.stage ? rootImage(run.stage)?.resolved : undefined,
          // An ONBUILD trigger runs in another build: nothing ran before it there that this file shows.
          earlier: (!run.onbuild && histories.get(run)) || ScriptHistory.EMPTY,
        },
      });
    }
    shellRunsOf.set(doc, list);
  }
  return list;
}

const NO_MOUNTS: readonly ShellMount[] = Object.freeze([]);

/** One `variable` function per state: consecutive instructions share their state until an ARG/ENV/… changes it. */
const lookups = new WeakMap<StageState, (name: string) => string | undefined>();

function lookupIn(state: StageState): (name: string) => string | undefined {
  let lookup = lookups.get(state);
  if (!lookup) {
    lookup = (name) => state.variable(name);
    lookups.set(state, lookup);
  }
  return lookup;
}

/**
 * The history before each top-level RUN: the scripts of the RUNs before it in its stage and in the stages
 * that stage builds on, oldest first. One pass over the stages, each starting from the history at the end
 * of the earlier stage it builds on.
 */
function buildHistories(doc: DockerfileDoc): Map<RunInstruction, ScriptHistory> {
  const byRun = new Map<RunInstruction, ScriptHistory>();
  const atEnd = new Map<Stage, ScriptHistory>();
  for (const stage of doc.stages) {
    let history = (stage.base && atEnd.get(stage.base)) ?? ScriptHistory.EMPTY;
    for (const run of stage.find('RUN')) {
      byRun.set(run, history);
      if (run.script) history = history.then(run.script);
    }
    atEnd.set(stage, history);
  }
  return byRun;
}

/**
 * An edit is safe in shell text; in exec form only inside a JSON string (`sh -c "…"`), never between
 * the strings, where it would break the JSON.
 */
function fixIsSafe(fix: Fix, run: RunInstruction): boolean {
  if (run.form !== 'exec') return true;
  const [start, end] = fix.range;
  return (run.argv ?? []).some((t) => start > t.span.start && end < t.span.end && !/["\\]/.test(fix.text));
}

/** A shell example as a Dockerfile: `FROM <image>`, `ENV` lines, then the script as a RUN. */
export function wrapShellExample(example: ShellExample): RuleExample {
  const out: RuleExample = { code: wrap(example, example.script) };
  if (example.output !== undefined) out.output = wrap(example, example.output);
  if (example.note !== undefined) out.note = example.note;
  return out;
}

function wrap(example: ShellExample, script: string): string {
  const lines = [`FROM ${example.image ?? DEFAULT_EXAMPLE_IMAGE}`];
  for (const [name, value] of Object.entries(example.variables ?? {})) lines.push(`ENV ${name}=${JSON.stringify(value)}`);
  lines.push(script.includes('\n') ? `RUN <<EOF\n${script}\nEOF` : `RUN ${script}`);
  return lines.join('\n') + '\n';
}
