/**
 * GitLab CI support: `.gitlab-ci.yml` (and the files it includes) parsed into a typed model
 * (model/types.ts has the guide for rule authors), checked by the rules in rules/index.ts.
 *
 * Layers, bottom up:
 *   yaml/        YAML 1.1 text → YNode tree with a position on every value (aliases, `<<`)
 *   model/       includes, `extends`, `!reference`, `default:` → GitlabCiDoc with typed jobs
 *   expression/  the `rules:if` expression language
 *   keywords/    GitLab's keywords and value types (table.ts) and the structure checker
 *   rules/       one rule per file; support/ holds their shared helpers
 *
 * Limits: aliases expand to at most 1,000,000 values, YAML nesting is read to 300 levels,
 * at most 150 included files (100 levels), `extends` to 10 levels, `!reference` to 10 levels.
 */
import type { KindSupport } from '../engine/kind.js';
import type { YNode } from './yaml/nodes.js';
import { LineIndex } from '../../util/text.js';
import { buildModel } from './model/build.js';
import type { GitlabCiDoc } from './model/types.js';
import { gitlabCiRules } from './rules/index.js';

export const gitlabCiSupport: KindSupport<GitlabCiDoc> = {
  kind: 'gitlab-ci',
  parse(file, env) {
    return buildModel(file, env);
  },
  rules: gitlabCiRules,
  statementRange(doc, line) {
    const root = doc.sources[0]?.root;
    if (!root) return undefined;
    const index = new LineIndex(doc.file.text);
    const lineOf = (offset: number) => index.positionAt(offset).line;
    // The first statement (mapping entry or list item) that starts on `line` or after it, at the
    // deepest level that contains `line`.
    const find = (node: YNode, depth: number): { startLine: number; endLine: number } | undefined => {
      if (depth > 100) return undefined;
      const children: Array<{ start: number; end: number; value: YNode }> = [];
      if (node.kind === 'map') {
        for (const pair of node.pairs) {
          if (pair.merged || pair.key.file !== doc.file) continue;
          children.push({ start: pair.key.span.start, end: Math.max(pair.value.span.end, pair.key.span.end), value: pair.value });
        }
      } else if (node.kind === 'seq') {
        for (const item of node.items) if (item.file === doc.file) children.push({ start: item.span.start, end: item.span.end, value: item });
      }
      for (const child of children) {
        const startLine = lineOf(child.start);
        const endLine = Math.max(startLine, lineOf(Math.max(child.start, child.end - 1)));
        if (startLine >= line) return { startLine, endLine };
        if (endLine >= line) {
          const inner = find(child.value, depth + 1);
          if (inner) return inner;
        }
      }
      return undefined;
    };
    return find(root, 0);
  },
};

export { gitlabCiRules, STRUCTURE_RULE_IDS } from './rules/index.js';
export { buildModel, DEFAULT_STAGE, DEFAULT_STAGES } from './model/build.js';
export type * from './model/types.js';
export type { YMap, YNode, YPair, YScalar, YSeq, Located, ScalarValue } from './yaml/nodes.js';
export { getIn, getPath, isMap, isNull, isReference, isScalar, isSeq, keyName, pairOf, scalarText, stringValue, walk } from './yaml/nodes.js';
export { valueOffset, valueSpan } from './yaml/offsets.js';
export { parseExpression } from './expression/parse.js';
export type { ExpressionNode, ParsedExpression } from './expression/parse.js';
export { structureProblems } from './keywords/structure.js';
export type { StructureProblem } from './keywords/structure.js';
export { DEFAULT_KEYWORDS, GLOBAL_KEYWORDS, JOB_KEYWORDS } from './keywords/table.js';
export { at, reportOnce } from './support/report.js';
export { lintGitlabCi, memoryEnv } from './run.js';
