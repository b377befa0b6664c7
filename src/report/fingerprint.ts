import { createHash } from 'node:crypto';
import type { Finding } from '../lint/engine/types.js';
import { splitLines } from './code-frame.js';
import type { FormatContext } from './context.js';

/**
 * A fingerprint per finding that stays the same across runs and when lines are inserted or
 * removed above it: a hash of the repository path, the rule id, the finding's line with
 * whitespace collapsed and the text it marks (secrets masked), plus a counter telling apart
 * findings equal in all of these. Messages are not hashed: they may quote line numbers.
 */
export function fingerprints(findings: readonly Finding[], ctx: FormatContext): string[] {
  const lines = new Map<string, string[] | undefined>();
  const seen = new Map<string, number>();
  return findings.map((f) => {
    if (!lines.has(f.file)) {
      const text = ctx.source(f.file);
      lines.set(f.file, text === undefined ? undefined : splitLines(text));
    }
    const line = lines.get(f.file)?.[f.line - 1] ?? '';
    const end = f.endLine === f.line ? f.endColumn - 1 : line.length;
    const marked = line.slice(f.column - 1, end);
    const key = [ctx.repoPath(f.file), f.ruleId, line.trim().replace(/\s+/g, ' '), marked].join('\0');
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha256').update(`${key}\0${n}`).digest('hex').slice(0, 32);
  });
}
