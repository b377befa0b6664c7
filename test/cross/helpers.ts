import { lint, lintText } from '../../src/lint/index.js';
import type { Finding } from '../../src/lint/engine/types.js';

/** A finding as `file:line:column-endColumn message` (rule ids are given by the caller). */
export function show(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}-${f.endColumn} ${f.message}`;
}

/** Lints an in-memory repository (`main` is the file given as text) with only `rule` on. */
export async function lintRepo(rule: string, main: string, files: Record<string, string>): Promise<string[]> {
  const text = files[main];
  if (text === undefined) throw new Error(`no file ${main}`);
  const rest = { ...files };
  delete rest[main];
  const findings = await lintText(text, { kind: 'project', filename: main, files: rest, only: [rule] });
  const broken = findings.filter((f) => f.ruleId === 'internal-error');
  if (broken.length) throw new Error(broken.map(show).join('\n'));
  return findings.filter((f) => f.ruleId === rule).map(show);
}

/** Lints a directory on disk as `slipway lint` does; the findings of rules whose id starts with `prefix`. */
export async function lintDir(root: string, prefix = 'project/'): Promise<Finding[]> {
  const result = await lint([], { cwd: root, noConfig: true });
  const broken = result.findings.filter((f) => f.ruleId === 'internal-error');
  if (broken.length) throw new Error(broken.map(show).join('\n'));
  return result.findings.filter((f) => f.ruleId.startsWith(prefix));
}
