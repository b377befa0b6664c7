import type { Severity } from '../../lint/engine/types.js';
import { groupByFile, type Formatter } from '../context.js';
import { XML_DECLARATION, xmlEscape } from '../xml.js';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };

/** Checkstyle XML: one `<file>` per linted file (clean ones too), one `<error>` per finding; `source` is the rule id. */
export const checkstyle: Formatter = (findings, ctx) => {
  const groups = groupByFile(findings);
  const files = [...new Set([...ctx.files, ...groups.keys()])];
  let out = `${XML_DECLARATION}\n<checkstyle version="4.3">\n`;
  for (const file of files) {
    const list = groups.get(file) ?? [];
    if (list.length === 0) {
      out += `  <file name="${xmlEscape(file)}"/>\n`;
      continue;
    }
    out += `  <file name="${xmlEscape(file)}">\n`;
    for (const f of list) {
      out += `    <error line="${f.line}" column="${f.column}" severity="${LEVEL[f.severity]}" message="${xmlEscape(f.message)}" source="${xmlEscape(f.ruleId)}"/>\n`;
    }
    out += '  </file>\n';
  }
  return `${out}</checkstyle>\n`;
};
