/**
 * Makefile support: parse GNU make syntax with positions, resolve readable includes, and check
 * with the rules of ./rules. `listMakeTargets` / `findMakeTarget` serve cross-file checks.
 */
import { posix } from 'node:path';
import type { KindSupport, ParseEnv } from '../engine/kind.js';
import type { SourceFile } from '../engine/types.js';
import type { MakefileDoc } from './model.js';
import { parseMakefileText } from './parse.js';
import { makefileRules } from './rules/index.js';
import { pushAll } from '../../util/push-all.js';

export type * from './model.js';
export { parseMakefileText } from './parse.js';
export { findMakeTarget, listMakeTargets, targetListIsComplete, type MakeTarget } from './targets.js';

const MAX_INCLUDE_DEPTH = 4;

/** Parses a Makefile and the files it includes that `env` can read. */
export function parseMakefile(file: SourceFile, env?: ParseEnv, seen = new Set<string>([file.path])) {
  const result = parseMakefileText(file.text);
  const doc = result.doc;
  const dir = posix.dirname(file.path.replace(/\\/g, '/'));
  const rel = (p: string) => posix.normalize(posix.join(dir, p));
  if (env) {
    doc.fileExists = (p) => env.readFile(rel(p)) !== undefined;
    resolveIncludes(doc, env, rel, seen);
  } else {
    for (const inc of doc.statements) if (inc.type === 'include') pushAll(doc.unresolvedIncludes, inc.files);
  }
  return result;
}

function resolveIncludes(doc: MakefileDoc, env: ParseEnv, rel: (p: string) => string, seen: Set<string>): void {
  for (const inc of doc.statements) {
    if (inc.type !== 'include') continue;
    for (const word of inc.files) {
      const path = word.text.includes('$') ? undefined : rel(word.text);
      const source = path === undefined || seen.has(path) || seen.size > MAX_INCLUDE_DEPTH ? undefined : env.readFile(path);
      if (!source || path === undefined) {
        doc.unresolvedIncludes.push(word);
        continue;
      }
      seen.add(path);
      const sub = parseMakefile({ ...source, path }, env, seen).doc;
      doc.included.push({ path, via: inc, doc: sub });
      pushAll(doc.unresolvedIncludes, sub.unresolvedIncludes);
    }
  }
}

/** The statement (a rule with its recipe, an assignment with its continuation or `define` body) at or after `line`. */
export function makefileStatementRange(doc: MakefileDoc, line: number): { startLine: number; endLine: number } | undefined {
  for (const stmt of doc.statements) {
    if (stmt.type === 'rule' && stmt.startLine < line && line <= stmt.endLine) {
      const recipe = stmt.recipe.find((r) => r.line >= line && !r.inline);
      if (recipe) return { startLine: recipe.line, endLine: recipe.endLine };
    }
    if (stmt.startLine >= line) return { startLine: stmt.startLine, endLine: stmt.endLine };
  }
  return undefined;
}

export const makefileSupport: KindSupport<MakefileDoc> = {
  kind: 'makefile',
  parse: (file, env) => parseMakefile(file, env),
  rules: makefileRules,
  statementRange: makefileStatementRange,
};
