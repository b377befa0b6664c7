import { createColors } from 'picocolors';
import type { Finding, Severity } from '../../lint/engine/types.js';
import { codeFrame, splitLines } from '../code-frame.js';
import { groupByFile, type Formatter } from '../context.js';

/**
 * The default, for people: findings grouped by file, each as `file:line:col  severity
 * message  rule-id` with its source line and a marker under it, then a summary line.
 * Prints nothing when there is nothing to report.
 */
export const stylish: Formatter = (findings, ctx) => {
  if (findings.length === 0) return '';
  const c = createColors(ctx.color);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.cyan, style: c.gray };
  let out = '';
  for (const [file, group] of groupByFile(findings)) {
    const text = ctx.source(file);
    const lines = text === undefined ? undefined : splitLines(text);
    out += `${c.underline(file)}\n`;
    for (const f of group) {
      const aliases = f.aliases.length ? c.dim(` (${f.aliases.join(', ')})`) : '';
      const message = f.message.replace(/\r?\n/g, '\n    ');
      out += `  ${c.bold(`${f.file}:${f.line}:${f.column}`)}  ${paint[f.severity](f.severity)}  ${message}  ${c.dim(f.ruleId)}${aliases}\n`;
      const frame = codeFrame(f, lines?.[f.line - 1], { gutter: c.dim, marker: paint[f.severity] });
      if (frame) out += frame;
    }
    out += '\n';
  }
  return out + summary(findings, c) + '\n';
};

function summary(findings: readonly Finding[], c: ReturnType<typeof createColors>): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const [errors, warnings, infos, styles] = [count('error'), count('warning'), count('info'), count('style')];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const line = `✖ ${plural(findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info, ${styles} style)`;
  return errors > 0 ? c.bold(c.red(line)) : warnings > 0 ? c.bold(c.yellow(line)) : c.bold(line);
}
