import { matchThenRestOfText } from '../../util/linear-match.js';
import type { LineIndex } from '../../util/text.js';
import { resolveRuleName, type KindRegistry } from './registry.js';
import type { Finding } from './types.js';

/**
 * Inline suppression comments, applied to findings after every rule has run:
 *
 * - `# slipway-ignore RULE[,RULE…] [-- reason]`: the next statement (a Dockerfile instruction
 *   with its continuation lines, a YAML key with its value, a make rule with its recipe) or,
 *   when the file kind cannot tell statements apart, the next line that is not blank or a comment;
 * - `# slipway-ignore-file RULE[,RULE…] [-- reason]`: the whole file;
 * - hadolint's `# hadolint ignore=DL3008,DL3009` (next statement), `# hadolint global ignore=…`
 *   (whole file) and `# hadolint stage ignore=…` (from the next FROM to the one after).
 *
 * Rules are named by id, alias or glob. Hadolint codes without a slipway rule (other DL codes,
 * ShellCheck's SC codes) are accepted silently, and a hadolint pragma with a malformed code
 * does nothing, as in hadolint.
 */

export interface RuleRef {
  name: string;
  line: number;
  column: number;
  endColumn: number;
  /** Rule ids the name stands for (empty for an unknown or foreign name). */
  ids: string[];
  used: boolean;
}

export interface Directive {
  origin: 'slipway' | 'hadolint';
  scope: 'next' | 'file' | 'stage';
  line: number;
  refs: RuleRef[];
  /** Lines covered, inclusive; undefined for the whole file. */
  range?: { startLine: number; endLine: number };
}

/** A malformed slipway comment or an unknown rule name in one. */
export interface InvalidDirective {
  line: number;
  column: number;
  endColumn: number;
  message: string;
}

const SLIPWAY = /^(\s*[#;]\s*)slipway-([a-z][a-z-]*)(?=\s|$)(.*)$/;
const HADOLINT = /^(\s*#\s*)hadolint\s+(?:(global|stage)\s+)?ignore=(\S*)/;
/** Blanks and `#` starting a trailing comment (which runs to the end: matchThenRestOfText). */
const TRAILING_COMMENT = /(?<!\s)\s+#/g;

/**
 * The suppression comments of a file. Comments start with `#`; with `semicolonComments`
 * (INI files such as tox.ini) a `;` starts one too.
 */
export function parseDirectives(
  index: LineIndex,
  registry: KindRegistry,
  semicolonComments = false,
): { directives: Directive[]; invalid: InvalidDirective[] } {
  const directives: Directive[] = [];
  const invalid: InvalidDirective[] = [];
  for (let line = 1; line <= index.lineCount; line++) {
    const text = index.lineText(line);
    const first = text.trimStart()[0];
    if (first !== '#' && !(semicolonComments && first === ';')) continue;
    const slipway = SLIPWAY.exec(text);
    if (slipway) {
      const [, lead, word, rest] = slipway as unknown as [string, string, string, string];
      const col = lead.length + 1;
      if (word !== 'ignore' && word !== 'ignore-file') {
        invalid.push({
          line,
          column: col,
          endColumn: col + 'slipway-'.length + word.length,
          message: `unknown comment directive "slipway-${word}"; use slipway-ignore or slipway-ignore-file`,
        });
        continue;
      }
      const restStart = lead.length + 'slipway-'.length + word.length;
      const reasonAt = rest.search(/(^|\s)--(\s|$)/);
      const namesText = reasonAt === -1 ? rest : rest.slice(0, reasonAt);
      const refs = splitNames(namesText, ',\\s', line, restStart);
      if (refs.length === 0) {
        invalid.push({
          line,
          column: col,
          endColumn: text.length + 1,
          message: `slipway-${word} names no rule; write "# slipway-${word} RULE[,RULE] [-- reason]"`,
        });
        continue;
      }
      for (const ref of refs) {
        const resolved = resolveRuleName(registry, ref.name);
        if ('ids' in resolved) ref.ids = resolved.ids;
        else invalid.push({ line, column: ref.column, endColumn: ref.endColumn, message: `${resolved.error} in slipway-${word}` });
      }
      const known = refs.filter((r) => r.ids.length > 0);
      if (known.length > 0) directives.push({ origin: 'slipway', scope: word === 'ignore' ? 'next' : 'file', line, refs: known });
      continue;
    }
    const hadolint = HADOLINT.exec(text);
    if (hadolint) {
      const [whole, , scope, codes] = hadolint as unknown as [string, string, string | undefined, string];
      const codesStart = whole.length - codes.length;
      // Codes may be followed by ", " and more codes: take the rest up to a trailing comment.
      const rest = text.slice(codesStart);
      const tail = rest.slice(0, matchThenRestOfText(TRAILING_COMMENT, rest)?.match.index ?? rest.length);
      const refs = splitNames(tail, ',', line, codesStart);
      if (refs.length === 0 || refs.some((r) => !/^[A-Z]+[0-9]+$/.test(r.name))) continue;
      for (const ref of refs) {
        const resolved = resolveRuleName(registry, ref.name);
        if ('ids' in resolved) ref.ids = resolved.ids;
      }
      directives.push({ origin: 'hadolint', scope: scope === 'global' ? 'file' : scope === 'stage' ? 'stage' : 'next', line, refs });
    }
  }
  return { directives, invalid };
}

/** Names separated by commas (and, for slipway comments, spaces), with their columns. */
function splitNames(text: string, separators: string, line: number, offset: number): RuleRef[] {
  const refs: RuleRef[] = [];
  const re = new RegExp(`[^${separators}]+`, 'g');
  for (const m of text.matchAll(re)) {
    const name = m[0].trim();
    if (!name) continue;
    const lead = m[0].length - m[0].trimStart().length;
    const column = offset + m.index + lead + 1;
    refs.push({ name, line, column, endColumn: column + name.length, ids: [], used: false });
  }
  return refs;
}

/**
 * Sets the lines each directive covers: the statement after the comment (from the kind's
 * `statementRange` when given), else the next line that is neither blank nor a comment.
 */
export function resolveRanges(
  directives: Directive[],
  index: LineIndex,
  statementRange: ((line: number) => { startLine: number; endLine: number } | undefined) | undefined,
): void {
  const isCode = (l: number) => {
    const t = index.lineText(l).trim();
    return t !== '' && !t.startsWith('#');
  };
  for (const d of directives) {
    if (d.scope === 'file') continue;
    if (d.scope === 'stage') {
      const isFrom = (l: number) => /^\s*FROM\s/i.test(index.lineText(l));
      let start = d.line + 1;
      while (start <= index.lineCount && !isFrom(start)) start++;
      let end = start + 1;
      while (end <= index.lineCount && !isFrom(end)) end++;
      d.range = start > index.lineCount ? { startLine: 0, endLine: -1 } : { startLine: start, endLine: end - 1 };
      continue;
    }
    let range: { startLine: number; endLine: number } | undefined;
    try {
      range = statementRange?.(d.line + 1);
    } catch {
      range = undefined;
    }
    if (range && range.startLine > d.line) {
      d.range = range;
      continue;
    }
    let next = d.line + 1;
    while (next <= index.lineCount && !isCode(next)) next++;
    d.range = next > index.lineCount ? { startLine: 0, endLine: -1 } : { startLine: next, endLine: next };
  }
}

/** Drops the findings a directive covers and marks the names that were used. */
export function applyDirectives(findings: readonly Finding[], directives: readonly Directive[]): Finding[] {
  return findings.filter((f) => {
    let suppressed = false;
    for (const d of directives) {
      if (d.range && (f.line < d.range.startLine || f.line > d.range.endLine)) continue;
      for (const ref of d.refs) {
        if (ref.ids.includes(f.ruleId)) {
          ref.used = true;
          suppressed = true;
        }
      }
    }
    return !suppressed;
  });
}
