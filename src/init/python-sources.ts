/** Small readers for the Python project files `slipway init` looks at. Regexes, not parsers: init only proposes. */
import { afterLastLineBreak, matchThenRestOfText } from '../util/linear-match.js';

const COMMENT = /(^|\s)#/g;

/** Package names listed in a requirements file (comments, options and markers stripped), lower-case. */
export function requirementNames(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.slice(0, matchThenRestOfText(COMMENT, line)?.match.index ?? line.length).trim())
    .filter((line) => line && !line.startsWith('-'))
    .map((line) => /^([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line)?.[1]?.toLowerCase().replace(/_/g, '-'))
    .filter((name): name is string => !!name);
}

/** The `[section]` body of an INI/TOML-ish file, up to the next section header. */
export function iniSection(text: string, name: string): string | undefined {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === `[${name}]`);
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^\s*\[[^\]]+\]\s*$/.test(l));
  return (end < 0 ? rest : rest.slice(0, end)).join('\n');
}

/** The value of `key = …` in an INI section, with its indented continuation lines. */
export function iniValue(section: string, key: string): string | undefined {
  const lines = section.split(/\r?\n/);
  const i = lines.findIndex((l) => new RegExp(`^${key}\\s*[=:]`).test(l));
  if (i < 0) return undefined;
  const values = [lines[i]!.replace(/^[^=:]*[=:]/, '')];
  for (const l of lines.slice(i + 1)) {
    if (!/^\s+\S/.test(l)) break;
    values.push(l);
  }
  return values.join('\n').trim();
}

/** `py3{10,11}` → `py310`, `py311` (tox's generative env names). */
export function expandBraces(word: string): string[] {
  const group = firstBraceGroup(word);
  if (!group) return [word];
  const [open, close] = group;
  return word
    .slice(open + 1, close)
    .split(',')
    .flatMap((alt) => expandBraces(`${word.slice(0, open)}${alt.trim()}${word.slice(close + 1)}`));
}

/**
 * The first `{…}` holding no other brace, as `/^(.*?)\{([^{}]*)\}(.*)$/` finds it (no line break
 * before the `{` or after the `}`), without rescanning the word from every `{`.
 */
function firstBraceGroup(word: string): [number, number] | undefined {
  const lineBreak = /[\n\r\u2028\u2029]/.exec(word)?.index ?? word.length;
  const restFrom = afterLastLineBreak(word);
  for (let open = word.indexOf('{'); open >= 0 && open < lineBreak; ) {
    let next = open + 1;
    while (next < word.length && word[next] !== '{' && word[next] !== '}') next++;
    if (next === word.length) return undefined;
    if (word[next] === '}' && next >= restFrom) return [open, next];
    open = word[next] === '{' ? next : word.indexOf('{', next + 1);
  }
  return undefined;
}

/** Python versions ("3.N") named by a tox envlist (`py311`, `py3.12`, `py{312,313}-django`). */
export function toxPythonVersions(toxIni: string): string[] {
  const envlist = iniValue(iniSection(toxIni, 'tox') ?? '', 'envlist') ?? iniValue(iniSection(toxIni, 'tox:tox') ?? '', 'envlist');
  if (!envlist) return [];
  const words: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of envlist) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (depth === 0 && (ch === ',' || /\s/.test(ch))) {
      if (current) words.push(current);
      current = '';
    } else current += ch;
  }
  if (current) words.push(current);
  const versions = words
    .flatMap(expandBraces)
    .flatMap((env) => env.split('-'))
    .map((factor) => /^py(3)\.?(\d{1,2})$/.exec(factor))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => `${m[1]}.${m[2]}`);
  return [...new Set(versions)];
}

/** "3.N" from a `.python-version` / `runtime.txt` line (`3.12.1`, `python-3.11.4`, `3.13`). */
export function minorVersion(text: string): string | undefined {
  const m = /(?:^|python-?)(3)\.(\d+)/.exec(text.trim().split(/\r?\n/)[0] ?? '');
  return m ? `${m[1]}.${m[2]}` : undefined;
}

export type Framework = 'tornado' | 'flask' | 'fastapi';

/** The web framework a module imports, if one of those slipway has a preset for. */
export function importedFramework(source: string): Framework | undefined {
  for (const framework of ['fastapi', 'flask', 'tornado'] as const) {
    if (new RegExp(`^[^\\S\\n\\r\\u2028\\u2029]*(from|import)\\s+${framework}\\b`, 'm').test(source)) return framework;
  }
  return undefined;
}

/** The variable holding the application object (`app = Flask(__name__)`), or a factory call. */
export function applicationObject(source: string, framework: 'flask' | 'fastapi'): string | undefined {
  const assigned = assignedName(source, framework === 'flask' ? 'Flask' : 'FastAPI');
  if (assigned) return assigned;
  const factory = /^def\s+(create_app|make_app)\s*\(\s*\)/m.exec(source);
  return factory ? `${factory[1]}()` : undefined;
}

/**
 * The name on the left of the first `NAME = …CLS(` or `NAME: TYPE = …CLS(` that starts a line: what
 * `/^([A-Za-z_][A-Za-z0-9_]*)\s*(?::[^=]+)?=\s*(?:[A-Za-z_.]*\.)?CLS\(/m` finds. That regex scans
 * from every line start to the next `=`, which is quadratic when many lines hold a `:` and no `=`;
 * here each `=` is looked for and tried once.
 */
function assignedName(source: string, cls: 'Flask' | 'FastAPI'): string | undefined {
  const head = /^([A-Za-z_][A-Za-z0-9_]*)\s*([:=])/gm;
  const call = cls === 'Flask' ? /\s*(?:[A-Za-z_.]*\.)?Flask\(/y : /\s*(?:[A-Za-z_.]*\.)?FastAPI\(/y;
  let nextEquals = 0;
  let failedEquals = -1;
  for (let m = head.exec(source); m; m = head.exec(source)) {
    const sign = m.index + m[0].length - 1;
    let equals = sign;
    if (m[2] === ':') {
      // The annotation runs to the next `=` (at least one character).
      if (nextEquals !== -1 && nextEquals <= sign) nextEquals = source.indexOf('=', sign + 1);
      if (nextEquals <= sign + 1) continue;
      equals = nextEquals;
    }
    if (equals === failedEquals) continue;
    call.lastIndex = equals + 1;
    if (call.test(source)) return m[1];
    failedEquals = equals;
  }
  return undefined;
}

/** A port the code or a start script states plainly, if any. */
export function statedPort(source: string): number | undefined {
  const finders: ((text: string) => string | undefined)[] = [
    (text) => /\.listen\(\s*(\d{2,5})\b/.exec(text)?.[1],
    (text) => /define\(\s*["']port["']\s*,\s*default\s*=\s*(\d{2,5})\b/.exec(text)?.[1],
    runPort,
    (text) => /--port[=\s]+(\d{2,5})\b/.exec(text)?.[1],
    bindPort,
    (text) => /^[^\S\n\r\u2028\u2029]*PORT\s*=\s*(\d{2,5})\b/m.exec(text)?.[1],
  ];
  for (const find of finders) {
    const port = Number(find(source));
    if (port >= 1 && port <= 65535) return port;
  }
  return undefined;
}

/**
 * `run(…, port=8000)`: the last `port=` between the first `run(` and the `)` after it that holds
 * one, as `/\brun\([^)]*\bport\s*=\s*(\d{2,5})\b/` finds it. That regex rescans the text up
 * to the `)` from every `run(` before it; here a `run(` without a port skips the others before
 * the same `)`, which see a part of the same text.
 */
function runPort(text: string): string | undefined {
  const run = /\brun\(/g;
  const port = /\bport\s*=\s*(\d{2,5})\b/g;
  for (let m = run.exec(text); m; m = run.exec(text)) {
    const from = m.index + m[0].length;
    const paren = text.indexOf(')', from);
    const close = paren < 0 ? text.length : paren;
    let last: string | undefined;
    port.lastIndex = from;
    for (let p = port.exec(text); p && p.index < close; p = port.exec(text)) last = p[1];
    if (last !== undefined) return last;
    run.lastIndex = close;
  }
  return undefined;
}

/**
 * `--bind 0.0.0.0:8000`: the port after the last `:` of the word following the first `--bind`
 * that has one, as `/--bind[=\s]+(?:[^=\s]\S*)?:(\d{2,5})\b/` finds it. That regex rescans the
 * word from every `--bind` inside it; here each word is read once.
 */
function bindPort(text: string): string | undefined {
  const bind = /--bind[=\s]+/g;
  const colonPort = /:(\d{2,5})\b/g;
  let wordEnd = -1;
  let lastAt = -1;
  let last: string | undefined;
  for (let m = bind.exec(text); m; m = bind.exec(text)) {
    const from = m.index + m[0].length;
    if (from >= wordEnd) {
      // A new word: it starts at `from` (the `[=\s]+` took every `=` and blank) and ends at a blank.
      const blank = /\s/g;
      blank.lastIndex = from;
      wordEnd = blank.exec(text)?.index ?? text.length;
      last = undefined;
      colonPort.lastIndex = from;
      for (let p = colonPort.exec(text); p && p.index < wordEnd; p = colonPort.exec(text)) [lastAt, last] = [p.index, p[1]];
    }
    if (last !== undefined && lastAt >= from) return last;
  }
  return undefined;
}
