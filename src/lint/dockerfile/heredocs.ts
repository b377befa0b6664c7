/**
 * Here-documents of RUN, COPY and ADD, found the way BuildKit finds them: the logical line is split into
 * words (quotes kept), a word `[n]<<[-]NAME` opens a here-document, and its body is the lines after the
 * logical line up to a line that is exactly NAME (after leading tabs with `<<-`). Several here-documents
 * follow each other in order.
 */
import type { LineIndex } from '../../util/text.js';
import type { SourceMap } from '../shell/source-map.js';
import type { Heredoc } from './model.js';

const OPENER = /^(\d*)<<(-?)([^<]*)$/;

export interface HeredocScan {
  heredocs: Heredoc[];
  /** Names of here-documents never closed (BuildKit fails on them). */
  unterminated: Heredoc[];
}

/**
 * @param logicalText the instruction's logical line (continuations joined) from its keyword
 * @param map maps `logicalText` to the file
 * @param logicalEndLine 1-based line on which the logical line ends; bodies start on the next line
 */
export function scanHeredocs(text: string, lines: LineIndex, logicalText: string, map: SourceMap, logicalEndLine: number): HeredocScan {
  const heredocs: Heredoc[] = [];
  const unterminated: Heredoc[] = [];
  let line = logicalEndLine + 1;
  for (const word of splitWords(logicalText)) {
    const m = OPENER.exec(word.text);
    if (!m || m[3] === '') continue;
    const rest = m[3]!;
    const name = removeQuotes(rest);
    if (name === '' || /\s/.test(name)) continue;
    const chomp = m[2] === '-';
    const bodyStart = lines.starts[line - 1] ?? text.length;
    let endSpan: Heredoc['endSpan'];
    while (line <= lines.lineCount && lines.starts[line - 1]! < text.length) {
      const content = lines.lineText(line);
      const candidate = chomp ? content.replace(/^\t+/, '') : content;
      if (candidate === name) {
        const start = lines.starts[line - 1]! + (content.length - candidate.length);
        endSpan = { start, end: start + name.length };
        line++;
        break;
      }
      line++;
    }
    const bodyEnd = endSpan ? lines.starts[lines.positionAt(endSpan.start).line - 1]! : text.length;
    const heredoc: Heredoc = {
      name,
      chomp,
      quoted: rest !== name,
      startSpan: map.spanToFile({ start: word.start, end: word.end }),
      body: text.slice(bodyStart, Math.max(bodyStart, bodyEnd)),
      bodySpan: { start: bodyStart, end: Math.max(bodyStart, bodyEnd) },
      endSpan,
    };
    heredocs.push(heredoc);
    if (!endSpan) unterminated.push(heredoc);
  }
  return { heredocs, unterminated };
}

/** Whitespace-separated words with their offsets; quotes group and are kept, `\` escapes one character. */
function splitWords(s: string): { text: string; start: number; end: number }[] {
  const words: { text: string; start: number; end: number }[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
    if (i >= s.length) break;
    const start = i;
    let quote: string | undefined;
    while (i < s.length) {
      const c = s[i]!;
      if (quote) {
        if (c === quote) quote = undefined;
        else if (c === '\\' && quote === '"') i++;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '\\') i++;
      else if (c === ' ' || c === '\t') break;
      i++;
    }
    const end = Math.min(i, s.length);
    words.push({ text: s.slice(start, end), start, end });
  }
  return words;
}

function removeQuotes(s: string): string {
  return s.replace(/\\(.)/g, '$1').replace(/["']/g, '');
}
