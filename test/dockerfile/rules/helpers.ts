/** Runs one Dockerfile rule through the engine and shows each finding as the text it points at. */
import { applyFixes, lintText } from '../../../src/lint/index.js';
import type { Fix, RuleOptions } from '../../../src/lint/engine/types.js';
import { LineIndex } from '../../../src/util/text.js';

export interface Hit {
  /** The text the finding points at. */
  at: string;
  message: string;
  fix?: Fix[];
}

export async function hits(rule: string, text: string, options?: RuleOptions): Promise<Hit[]> {
  const findings = await lintText(text, { kind: 'dockerfile', only: [`dockerfile/${rule}`], options });
  const lines = new LineIndex(text);
  return findings
    .filter((f) => f.ruleId === `dockerfile/${rule}`)
    .map((f) => ({
      at: text.slice(lines.offsetAt(f.line, f.column), lines.offsetAt(f.endLine, f.endColumn)),
      message: f.message,
      ...(f.fix ? { fix: f.fix } : {}),
    }));
}

/** The texts the rule's findings point at. */
export async function at(rule: string, text: string, options?: RuleOptions): Promise<string[]> {
  return (await hits(rule, text, options)).map((h) => h.at);
}

/** The text after applying every fix of the rule once. */
export async function fixed(rule: string, text: string, options?: RuleOptions): Promise<string> {
  return applyFixes(text, (await hits(rule, text, options)).map((h) => h.fix ?? []));
}
