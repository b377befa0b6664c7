import { groupByFile, type Formatter } from '../context.js';
import { XML_DECLARATION, xmlEscape } from '../xml.js';

/**
 * JUnit XML (GitLab and most CI servers display it): one `<testsuite>` per linted file, one
 * failed `<testcase>` per finding, and one passing test case for a file without findings.
 */
export const junit: Formatter = (findings, ctx) => {
  const groups = groupByFile(findings);
  const files = [...new Set([...ctx.files, ...groups.keys()])];
  const tests = files.reduce((n, f) => n + Math.max(1, groups.get(f)?.length ?? 0), 0);
  let out = `${XML_DECLARATION}\n<testsuites name="slipway lint" tests="${tests}" failures="${findings.length}" errors="0">\n`;
  for (const file of files) {
    const list = groups.get(file) ?? [];
    const name = xmlEscape(file);
    out += `  <testsuite name="${name}" tests="${Math.max(1, list.length)}" failures="${list.length}" errors="0">\n`;
    if (list.length === 0) out += `    <testcase name="slipway lint" classname="${name}"/>\n`;
    for (const f of list) {
      const where = `${f.file}:${f.line}:${f.column}`;
      out += `    <testcase name="${xmlEscape(`${f.ruleId} at ${f.line}:${f.column}`)}" classname="${name}">\n`;
      out += `      <failure type="${f.severity}" message="${xmlEscape(f.message)}">${xmlEscape(`${where}: ${f.severity}: ${f.message} [${f.ruleId}]`)}</failure>\n`;
      out += '    </testcase>\n';
    }
    out += '  </testsuite>\n';
  }
  return `${out}</testsuites>\n`;
};
