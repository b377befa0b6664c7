/**
 * `.dockerignore` as the docker CLI and BuildKit read it (moby/patternmatcher), not as git reads
 * `.gitignore`: a pattern is matched against the whole path from the context root (`foo` is only
 * the top-level `foo`), `*` and `?` stop at `/`, `**` spans directories, a path is excluded when it
 * or one of its parent directories matches, and the last matching line wins (`!` re-includes).
 */

interface Pattern {
  re: RegExp;
  exclusion: boolean;
}

function cleanPath(p: string): string {
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/') || '.';
}

function compile(pattern: string): RegExp {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') i++;
        re += i + 1 >= pattern.length ? '.*' : '(.*/)?';
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '\\' && i + 1 < pattern.length) re += `\\${pattern[++i]}`;
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        let body = pattern.slice(i + 1, close);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if ('.+()|{}$^'.includes(ch)) re += `\\${ch}`;
    else re += ch;
  }
  try {
    return new RegExp(`${re}$`);
  } catch {
    return /$^/;
  }
}

/** The patterns of a `.dockerignore` text. */
export function parseDockerignore(text: string): Pattern[] {
  const out: Pattern[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const exclusion = line.startsWith('!');
    if (exclusion) line = line.slice(1).trim();
    const pattern = cleanPath(line);
    if (pattern === '.' && !exclusion) continue;
    out.push({ re: compile(pattern), exclusion });
  }
  return out;
}

/** Whether `path` (relative to the context root) is left out of the build context. */
export function isDockerignored(patterns: readonly Pattern[], path: string): boolean {
  const clean = cleanPath(path);
  if (clean === '.') return false;
  const parents = clean.split('/');
  let excluded = false;
  for (const p of patterns) {
    let match = p.re.test(clean);
    for (let i = 1; !match && i < parents.length; i++) match = p.re.test(parents.slice(0, i).join('/'));
    if (match) excluded = !p.exclusion;
  }
  return excluded;
}
