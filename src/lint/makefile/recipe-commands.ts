/**
 * Splits a recipe line into the simple shell commands it runs, enough to find the command word
 * of each (`make`, `cd`, …). Quotes, make references (`$(…)`) and `\`-continuations are kept
 * inside words; `;`, `&&`, `||`, `|`, `&`, parentheses and braces separate commands.
 */
import { isSpaceAt, skipReference, type Word } from './scan.js';

export interface ShellCommand {
  words: Word[];
  /** The operator that ends the command (`;`, `&&`, `|`, …), or '' at the end of the line. */
  separator: string;
}

const OPERATORS = ['&&', '||', ';;', ';', '|', '&', '(', ')', '`'];

export function splitCommands(text: string, base: number): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: Word[] = [];
  let i = 0;
  const finish = (separator: string) => {
    commands.push({ words, separator });
    words = [];
  };
  while (i < text.length) {
    if (isSpaceAt(text, i)) {
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      finish(op);
      i += op.length;
      continue;
    }
    if (text[i] === '#' && (i === 0 || isSpaceAt(text, i - 1))) break;
    const start = i;
    while (i < text.length && !isSpaceAt(text, i) && !OPERATORS.some((o) => text.startsWith(o, i))) {
      const c = text[i]!;
      if (c === '$' && text[i + 1] === '$') i += 2;
      else if (c === '$') i = skipReference(text, i);
      else if (c === "'" || c === '"') i = closingQuote(text, i) + 1;
      else if (c === '\\') i += 2;
      else i++;
    }
    words.push({ text: text.slice(start, Math.min(i, text.length)), span: { start: base + start, end: base + Math.min(i, text.length) } });
  }
  finish('');
  return commands.filter((c) => c.words.length > 0 || c.separator !== '');
}

function closingQuote(text: string, open: number): number {
  const q = text[open];
  for (let j = open + 1; j < text.length; j++) {
    if (q === '"' && text[j] === '\\') j++;
    else if (text[j] === '$' && text[j + 1] === '(' && q === '"') j = skipReference(text, j) - 1;
    else if (text[j] === q) return j;
  }
  return text.length - 1;
}

const SHELL_KEYWORDS = new Set(['then', 'do', 'else', 'elif', 'if', 'while', 'until', 'exec', 'time', 'command', '!', '{', '}']);

/** Index of the command word in a simple command: after `@-+` recipe flags, `VAR=value` words and keywords. */
export function commandWordIndex(words: readonly Word[]): number {
  let k = 0;
  while (k < words.length) {
    const t = words[k]!.text.replace(/^[@+-]+/, '');
    if (t === '' || SHELL_KEYWORDS.has(t) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(t)) k++;
    else break;
  }
  return k;
}

/** The command word of a simple command without recipe flags, with its span (flags excluded). */
export function commandWord(words: readonly Word[]): Word | undefined {
  const word = words[commandWordIndex(words)];
  if (!word) return undefined;
  const flags = /^[@+-]*/.exec(word.text)![0].length;
  return { text: word.text.slice(flags), span: { start: word.span.start + flags, end: word.span.end } };
}
