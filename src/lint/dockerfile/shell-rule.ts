/**
 * A shell check (../shell/check.ts) as a Dockerfile rule `dockerfile/<name>`: it runs on the script of
 * every RUN (ONBUILD RUN included) in a POSIX-shell stage, and its shell examples become Dockerfiles.
 */
import type { Fix, Rule, RuleExample } from '../engine/types.js';
import type { ShellCheck, ShellExample } from '../shell/check.js';
import type { ShellScript } from '../shell/model.js';
import type { DockerfileDoc, RunInstruction, Stage } from './model.js';
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
      for (const run of ctx.doc.find('RUN', { triggers: true })) {
        const script = run.script;
        if (!script) continue;
        check.check({
          host: 'dockerfile',
          script,
          variable: (name) => run.state.variable(name),
          mounts: run.mounts.map((m) => ({ type: m.type, target: m.target })),
          image: run.stage ? rootImage(run.stage)?.resolved : undefined,
          // Lazy and computed once per RUN for all the checks: few checks read it, and it walks the stage.
          get earlier() {
            return earlierScripts(run);
          },
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

const earlierCache = new WeakMap<RunInstruction, ShellScript[]>();

/** The scripts of the RUNs before `run` in its stage and in the stages that stage builds on, oldest first (a copy). */
function earlierScripts(run: RunInstruction): ShellScript[] {
  let list = earlierCache.get(run);
  if (!list) {
    list = computeEarlierScripts(run);
    earlierCache.set(run, list);
  }
  return list.slice();
}

function computeEarlierScripts(run: RunInstruction): ShellScript[] {
  if (run.onbuild || !run.stage) return [];
  const chain: Stage[] = [];
  for (let s: Stage | undefined = run.stage; s && !chain.includes(s); s = s.base) chain.unshift(s);
  const out: ShellScript[] = [];
  for (const stage of chain) {
    for (const ins of stage.find('RUN')) {
      if (ins === run) return out;
      if (ins.script) out.push(ins.script);
    }
  }
  return out;
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
