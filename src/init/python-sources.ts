/** Small readers for the Python project files `slipway init` looks at. Regexes, not parsers: init only proposes. */

/** Package names listed in a requirements file (comments, options and markers stripped), lower-case. */
export function requirementNames(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
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
  const m = /^(.*?)\{([^{}]*)\}(.*)$/.exec(word);
  if (!m) return [word];
  return m[2]!.split(',').flatMap((alt) => expandBraces(`${m[1]}${alt.trim()}${m[3]}`));
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
  const cls = framework === 'flask' ? 'Flask' : 'FastAPI';
  const assigned = new RegExp(`^([A-Za-z_][A-Za-z0-9_]*)\\s*(?::[^=]+)?=\\s*(?:[A-Za-z_.]*\\.)?${cls}\\(`, 'm').exec(source);
  if (assigned) return assigned[1];
  const factory = /^def\s+(create_app|make_app)\s*\(\s*\)/m.exec(source);
  return factory ? `${factory[1]}()` : undefined;
}

/** A port the code or a start script states plainly, if any. */
export function statedPort(source: string): number | undefined {
  const patterns = [
    /\.listen\(\s*(\d{2,5})\b/,
    /define\(\s*["']port["']\s*,\s*default\s*=\s*(\d{2,5})\b/,
    /\brun\([^)]*\bport\s*=\s*(\d{2,5})\b/,
    /--port[=\s]+(\d{2,5})\b/,
    /--bind[=\s]+(?:[^=\s]\S*)?:(\d{2,5})\b/,
    /^[^\S\n\r\u2028\u2029]*PORT\s*=\s*(\d{2,5})\b/m,
  ];
  for (const pattern of patterns) {
    const port = Number(pattern.exec(source)?.[1]);
    if (port >= 1 && port <= 65535) return port;
  }
  return undefined;
}
