import type { Severity } from '../../lint/engine/types.js';
import type { Formatter } from '../context.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', style: 'notice' };

/** GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. */
export const github: Formatter = (findings, ctx) =>
  findings
    .map((f) => {
      const props = [
        `file=${escapeProperty(ctx.repoPath(f.file))}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.ruleId)}`,
      ].join(',');
      return `::${COMMAND[f.severity]} ${props}::${escapeData(f.message)}\n`;
    })
    .join('');

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
