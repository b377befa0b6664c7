/**
 * `.dockerignore` as the docker CLI and BuildKit read it (moby/patternmatcher), not as git reads
 * `.gitignore`: a pattern is matched against the whole path from the context root (`foo` is only
 * the top-level `foo`), `*` and `?` stop at `/`, `**` spans directories, a path is excluded when it
 * or one of its parent directories matches, and the last matching line wins (`!` re-includes).
 */

/**
 * One step of a compiled pattern. The language is the regular expression moby/patternmatcher
 * builds (`*` → `[^/]` repeated, `?` → `[^/]`, `**` → anything ending in `/` or nothing, or anything
 * at the end), but it is matched by
 * following every position of the pattern at once (an NFA), in time linear in the path for each
 * pattern: a regular expression backtracks polynomially on `*a*a*a*` against a long segment of `a`.
 */
type Step =
  | { kind: 'char'; test: (c: string) => boolean }
  /** `*`: any run of characters but `/`. */
  | { kind: 'star' }
  /** `**` at the end: anything but a line break (`.*`). */
  | { kind: 'rest' }
  /** `**` elsewhere: nothing (skip the next step), or on to `within`. */
  | { kind: 'dirs' }
  /** Within such a `**`: anything but a line break, left after a `/`. */
  | { kind: 'within' };

interface Pattern {
  /** Undefined when the pattern cannot match (a character class the regex syntax refuses). */
  steps: Step[] | undefined;
  exclusion: boolean;
}

const isLineBreak = (c: string) => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';
const notSlash = (c: string) => c !== '/';

function cleanPath(p: string): string {
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/') || '.';
}

/** A test for one character, as the regular expression `source` (a class, an escape) reads it; undefined if invalid. */
function charTest(source: string): ((c: string) => boolean) | undefined {
  try {
    const re = new RegExp(`^${source}$`);
    return (c) => re.test(c);
  } catch {
    return undefined;
  }
}

function compile(pattern: string): Step[] | undefined {
  const steps: Step[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    let test: ((c: string) => boolean) | undefined;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') i++;
        if (i + 1 >= pattern.length) steps.push({ kind: 'rest' });
        else steps.push({ kind: 'dirs' }, { kind: 'within' });
      } else steps.push({ kind: 'star' });
      continue;
    }
    if (ch === '?') test = notSlash;
    else if (ch === '\\' && i + 1 < pattern.length) test = charTest(`\\${pattern[++i]}`);
    else if (ch === '[' && pattern.indexOf(']', i + 1) >= 0) {
      const close = pattern.indexOf(']', i + 1);
      let body = pattern.slice(i + 1, close);
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      test = charTest(`[${body.replace(/\\/g, '\\\\')}]`);
      i = close;
    } else test = (c) => c === ch;
    if (!test) return undefined;
    steps.push({ kind: 'char', test });
  }
  return steps;
}

/** Adds `state` and the states reachable from it without reading a character. */
function enter(steps: readonly Step[], states: boolean[], state: number): void {
  while (!states[state]) {
    states[state] = true;
    const step = steps[state];
    if (!step || step.kind === 'char' || step.kind === 'within') return;
    if (step.kind === 'dirs') {
      enter(steps, states, state + 1);
      state++;
    }
    state++;
  }
}

/**
 * Whether `steps` match `path` or one of its parent directories (`a/b` for `a/b/c`): one pass over
 * the path, looking for a full match at each `/` and at the end.
 */
function matchesOrParent(steps: readonly Step[], path: string): boolean {
  let states: boolean[] = [];
  enter(steps, states, 0);
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    if (c === '/' && states[steps.length]) return true;
    const next: boolean[] = [];
    let any = false;
    for (let s = 0; s < steps.length; s++) {
      if (!states[s]) continue;
      const step = steps[s]!;
      if (step.kind === 'char') {
        if (step.test(c)) enter(steps, next, s + 1);
      } else if (step.kind === 'star') {
        if (c !== '/') enter(steps, next, s);
      } else if (step.kind === 'rest') {
        if (!isLineBreak(c)) enter(steps, next, s);
      } else if (step.kind === 'within') {
        if (!isLineBreak(c)) enter(steps, next, s);
        if (c === '/') enter(steps, next, s + 1);
      }
      any ||= next.length > 0;
    }
    if (!any) return false;
    states = next;
  }
  return states[steps.length] === true;
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
    out.push({ steps: compile(pattern), exclusion });
  }
  return out;
}

/** Whether `path` (relative to the context root) is left out of the build context. */
export function isDockerignored(patterns: readonly Pattern[], path: string): boolean {
  const clean = cleanPath(path);
  if (clean === '.') return false;
  let excluded = false;
  for (const p of patterns) if (p.steps && matchesOrParent(p.steps, clean)) excluded = !p.exclusion;
  return excluded;
}
