/**
 * The scripts that ran before a script in the same environment: the earlier RUNs of a Dockerfile stage
 * and of the stages it builds on, the earlier lines of a CI job.
 *
 * A persistent list: each script adds one node to the history of the script before it, so a file of n
 * scripts holds n nodes (a list per script would hold n²/2 entries). A question ("did an earlier script
 * write `APT::Get::Assume-Yes`?") is answered once per node and remembered there, so asking it for every
 * script of a file costs O(n) in all, not O(n²).
 *
 * A question is remembered under its function's identity: pass a module-level function (or one cached
 * per argument, as `aptConfigured` does), never a closure made for each call.
 */
import type { ShellScript } from './model.js';

type Question = (script: ShellScript) => unknown;

export class ScriptHistory {
  /** No script ran before. */
  static readonly EMPTY = new ScriptHistory(undefined, undefined);

  /**
   * Answers filled on demand, question and answer alternating: a handful of questions are asked, and
   * a flat array is a fraction of a Map's size on every one of hundreds of thousands of nodes.
   */
  private answers: unknown[] | undefined;

  private constructor(
    private readonly previous: ScriptHistory | undefined,
    private readonly script: ShellScript | undefined,
  ) {}

  /** The history once `script` has run too. */
  then(script: ShellScript): ScriptHistory {
    return new ScriptHistory(this, script);
  }

  /** True when `test` holds for one of the scripts. */
  some(test: (script: ShellScript) => boolean): boolean {
    return this.answer(test, false, (before, script) => before || test(script));
  }

  /** The value `read` gives for the newest script where it gives one (not undefined); undefined when none. */
  last<T>(read: (script: ShellScript) => T | undefined): T | undefined {
    return this.answer<T | undefined>(read, undefined, (before, script) => {
      const value = read(script);
      return value === undefined ? before : value;
    });
  }

  /**
   * Folds `step` over the scripts oldest first. Walks back to the newest node that knows the answer
   * (iteratively: a history may be hundreds of thousands of scripts long), then forward, remembering
   * the answer at every node on the way.
   */
  private answer<T>(key: Question, initial: T, step: (before: T, script: ShellScript) => T): T {
    const pending: ScriptHistory[] = [];
    let acc = initial;
    for (let node: ScriptHistory | undefined = this; node?.script; node = node.previous) {
      const at = indexOfQuestion(node.answers, key);
      if (at >= 0) {
        acc = node.answers![at + 1] as T;
        break;
      }
      pending.push(node);
    }
    for (let i = pending.length - 1; i >= 0; i--) {
      const node = pending[i]!;
      acc = step(acc, node.script!);
      (node.answers ??= []).push(key, acc);
    }
    return acc;
  }
}

/** Where `key` stands among the questions (even places) of `answers`; -1 when it is not there. */
function indexOfQuestion(answers: readonly unknown[] | undefined, key: Question): number {
  if (!answers) return -1;
  for (let i = 0; i < answers.length; i += 2) if (answers[i] === key) return i;
  return -1;
}
