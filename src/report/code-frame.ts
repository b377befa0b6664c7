import type { Finding } from '../lint/engine/types.js';

/**
 * The source line of a finding under a gutter, with a `^~~~` marker as wide as the finding
 * (to the end of the line for a finding spanning lines):
 *
 * ```
 *   3 | RUN apt-get install curl
 *     |     ^~~~~~~~~~~~~~~~~~~~
 * ```
 *
 * Tabs before the marker are kept so that it lines up under a tab-indented line. Returns
 * undefined when the line is not available.
 */
export function codeFrame(
  finding: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>,
  lineText: string | undefined,
  paint: { gutter: (s: string) => string; marker: (s: string) => string } = { gutter: (s) => s, marker: (s) => s },
  indent = '    ',
): string | undefined {
  if (lineText === undefined) return undefined;
  const number = String(finding.line);
  const blank = ' '.repeat(number.length);
  const start = Math.min(finding.column - 1, lineText.length);
  const end = finding.endLine === finding.line ? Math.min(finding.endColumn - 1, lineText.length) : lineText.length;
  const width = Math.max(1, end - start);
  const lead = lineText.slice(0, start).replace(/[^\t]/g, ' ');
  const marker = `^${'~'.repeat(width - 1)}`;
  return (
    `${indent}${paint.gutter(`${number} |`)} ${lineText}\n` +
    `${indent}${paint.gutter(`${blank} |`)} ${lead}${paint.marker(marker)}\n`
  );
}

/** The lines of a text without their line breaks (`\n`, `\r\n` and a lone `\r` end a line). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
