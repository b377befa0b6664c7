import type { Formatter } from '../context.js';

/**
 * A JSON array, one object per finding, keys always present and in this order: `file`,
 * `line`, `column`, `endLine`, `endColumn` (1-based; the end is exclusive), `ruleId`,
 * `severity` (error|warning|info|style), `message`, `aliases` (hadolint codes, may be empty),
 * `fix` (a list of `{range: [start, end], text}` edits on the file's UTF-16 offsets, or null).
 */
export const json: Formatter = (findings) =>
  `${JSON.stringify(
    findings.map((f) => ({
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      aliases: f.aliases,
      fix: f.fix ?? null,
    })),
  )}\n`;
