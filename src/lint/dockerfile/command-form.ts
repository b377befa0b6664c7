/**
 * The command of RUN, CMD, ENTRYPOINT and HEALTHCHECK CMD as a shell script, the way BuildKit runs it:
 * - exec form: the argv is the command (a `sh -c '…'` script inside is parsed too);
 * - `RUN <<EOF` alone: the here-document body is the script (a `#!` line may name another interpreter);
 * - any other shell form: the logical line, followed by the here-document bodies it redirects, is given
 *   to the SHELL (so `RUN python3 <<EOF` runs python with the body on stdin, not as shell commands).
 */
import type { LineIndex } from '../../util/text.js';
import type { ShellDialect } from '../shell/model.js';
import { parseArgv, parseShell, POSIX_SHELLS } from '../shell/parse.js';
import { SourceMap } from '../shell/source-map.js';
import { programName } from '../shell/words.js';
import type { CommandForm, Heredoc, StageState } from './model.js';
import type { ExecForm } from './exec-form.js';

export interface CommandSource {
  text: string;
  lines: LineIndex;
  /** The arguments (after flags, and after `CMD` for HEALTHCHECK), continuations joined. */
  argsText: string;
  /** Maps `argsText` to the file. */
  argsMap: SourceMap;
  /** Where the logical line ends in the file (here-document bodies follow it). */
  logicalEnd: number;
  exec: ExecForm | 'malformed' | undefined;
  heredocs: Heredoc[];
  state: StageState;
}

const BASH_LIKE = new Set(['bash', 'zsh', 'ksh', 'mksh']);

export function shellDialect(program: string): ShellDialect {
  return BASH_LIKE.has(programName(program).toLowerCase()) ? 'bash' : 'sh';
}

export function commandForm(src: CommandSource): CommandForm {
  if (src.exec && src.exec !== 'malformed') {
    const { argv, valueMaps } = src.exec;
    if (argv.length === 0) return form(src, 'exec', argv, undefined, 'empty');
    const words = argv.map((t) => ({ raw: src.text.slice(t.span.start, t.span.end), value: t.value, span: t.span }));
    return form(src, 'exec', argv, parseArgv(words, { valueMaps, dialect: shellDialect(argv[0]!.value) }), undefined);
  }
  if (src.argsText.trim() === '' && src.heredocs.length === 0) return form(src, 'shell', undefined, undefined, 'empty');
  if (!src.state.posixShell) return form(src, 'shell', undefined, undefined, 'non-posix-shell');
  const dialect = shellDialect(src.state.shell[0] ?? 'sh');

  const only = heredocOnly(src);
  if (only) {
    const body = fileText(src.text, only.bodySpan.start, only.bodySpan.end, only.chomp);
    const interpreter = shebangInterpreter(body.text);
    if (interpreter !== undefined && !POSIX_SHELLS.has(interpreter)) {
      return form(src, 'shell', undefined, undefined, 'interpreter');
    }
    return form(src, 'shell', undefined, parseShell(body.text, { map: body.map, dialect: interpreter ? shellDialect(interpreter) : dialect }), undefined);
  }

  // The logical line, then the here-document bodies and delimiters exactly as they follow it.
  let { text, map } = hoistLeadingHeredocs(src.argsText, src.argsMap);
  const last = src.heredocs[src.heredocs.length - 1];
  if (last) {
    const end = last.endSpan?.end ?? last.bodySpan.end;
    const tail = fileText(src.text, src.logicalEnd, end, false);
    map = new SourceMap(map.toFile(0)).appendMap(map).appendMap(tail.map);
    text += tail.text;
  }
  return form(src, 'shell', undefined, parseShell(text, { map, dialect }), undefined);
}

/** One object literal for every outcome, so that all command forms share a hidden class (see parse.ts `extend`). */
function form(
  src: CommandSource,
  kind: CommandForm['form'],
  argv: CommandForm['argv'],
  script: CommandForm['script'],
  noScriptReason: CommandForm['noScriptReason'],
): CommandForm {
  return { heredocs: src.heredocs, malformedJson: src.exec === 'malformed', form: kind, argv, script, noScriptReason };
}

/**
 * `RUN <<EOF bash` gives bash the body on standard input. Shells accept a redirection before the command
 * name, but tree-sitter-bash does not: move the openers after the first word (`bash <<EOF`), keeping
 * every character's position through the map.
 */
function hoistLeadingHeredocs(text: string, map: SourceMap): { text: string; map: SourceMap } {
  const opener = /^[ \t]*(\d*<<-?(?:"[^"]*"|'[^']*'|[^\s<]+))/;
  const openers: [number, number][] = [];
  let pos = 0;
  for (let m = opener.exec(text); m; m = opener.exec(text.slice(pos))) {
    const end = pos + m[0].length;
    openers.push([end - m[1]!.length, end]);
    pos = end;
  }
  const firstWord = /^[ \t]*\S+/.exec(text.slice(pos));
  if (openers.length === 0 || !firstWord) return { text, map };
  const wordEnd = pos + firstWord[0].length;
  const out = new SourceMap(map.toFile(0)).appendMap(map.slice(pos, wordEnd));
  let outText = text.slice(pos, wordEnd);
  for (const [a, b] of openers) {
    out.appendSynthetic(1, map.toFile(a), map.toFile(a));
    out.appendMap(map.slice(a, b));
    outText += ' ' + text.slice(a, b);
  }
  out.appendMap(map.slice(wordEnd, text.length));
  outText += text.slice(wordEnd);
  return { text: outText, map: out };
}

/** The single here-document of `RUN <<EOF` with nothing else on the line. */
function heredocOnly(src: CommandSource): Heredoc | undefined {
  if (src.heredocs.length !== 1) return undefined;
  const h = src.heredocs[0]!;
  const token = src.text.slice(h.startSpan.start, h.startSpan.end);
  return src.argsText.trim() === token.trim() ? h : undefined;
}

/** The program a `#!` line names (`#!/usr/bin/env python3` → `python3`), or undefined without one. */
export function shebangInterpreter(body: string): string | undefined {
  if (!body.startsWith('#!')) return undefined;
  const words = body.slice(2, body.indexOf('\n') < 0 ? undefined : body.indexOf('\n')).trim().split(/\s+/);
  let program = programName(words[0] ?? '');
  if (program === 'env') program = programName(words.slice(1).find((w) => !w.startsWith('-') && !w.includes('=')) ?? '');
  return program;
}

/**
 * File text [from, to) as a script: `\r` before `\n` dropped (CRLF files), leading tabs dropped per line
 * for `<<-` bodies, with its map.
 */
function fileText(text: string, from: number, to: number, stripTabs: boolean): { text: string; map: SourceMap } {
  const map = new SourceMap(from);
  let out = '';
  let i = from;
  while (i < to) {
    let lineEnd = text.indexOf('\n', i);
    if (lineEnd < 0 || lineEnd >= to) lineEnd = to;
    let start = i;
    if (stripTabs) while (start < lineEnd && text[start] === '\t') start++;
    let contentEnd = lineEnd;
    if (contentEnd > start && text[contentEnd - 1] === '\r') contentEnd--;
    map.appendVerbatim(start, contentEnd - start);
    out += text.slice(start, contentEnd);
    if (lineEnd < to) {
      map.appendVerbatim(lineEnd, 1);
      out += '\n';
    }
    i = lineEnd + 1;
  }
  return { text: out, map };
}
