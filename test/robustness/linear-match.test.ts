/**
 * The linear rewrites of patterns that were slow on a repeated sequence find what the regular
 * expressions they replace found: both run on seeded random strings built from each pattern's
 * pieces and line breaks, and the rewrite must return the same, on inputs where the old pattern
 * matches and where it does not. Then each runs on the attack string that made the old one quadratic.
 */
import { describe, expect, test } from 'vitest';
import { parallelJobBase } from '../../src/lint/gitlab-ci/support/job-order.js';
import { insecureConfigText } from '../../src/lint/shell/insecure-settings.js';
import { sourcePort } from '../../src/init/node-go-detect.js';
import { applicationObject, expandBraces, requirementNames, statedPort } from '../../src/init/python-sources.js';
import { bracketLists, matchThenRestOfText } from '../../src/util/linear-match.js';

let seed = 20261123;
const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
const LINE_BREAKS = ['\n', '\r', '\u2028', '\r\n'];

/** Strings of 0-13 pieces, mostly the pattern's own, some line breaks and punctuation. */
function inputs(pieces: string[], count = 4000): string[] {
  const other = [...LINE_BREAKS, ' ', 'a', '0', '#', '@', '=', ':', '[', ']', '(', ')', '/', '"'];
  return Array.from({ length: count }, () => {
    let s = '';
    for (let n = Math.floor(random() * 14); n > 0; n--) s += random() < 0.7 ? pieces[Math.floor(random() * pieces.length)] : other[Math.floor(random() * other.length)];
    return s;
  });
}

/** The inputs on which `now` differs from `before`, and how many `before` matched (so the comparison is not vacuous). */
function differences<T>(strings: string[], before: (s: string) => T, now: (s: string) => T): { differ: string[]; matched: number } {
  const differ: string[] = [];
  let matched = 0;
  for (const s of strings) {
    const [b, n] = [JSON.stringify(before(s) ?? null), JSON.stringify(now(s) ?? null)];
    if (b !== 'null' && b !== '[]') matched++;
    if (b !== n) differ.push(`${JSON.stringify(s)}: was ${b}, now ${n}`);
  }
  return { differ: differ.slice(0, 5), matched };
}

function same<T>(pieces: string[], before: (s: string) => T, now: (s: string) => T): void {
  const { differ, matched } = differences(inputs(pieces), before, now);
  expect(differ).toEqual([]);
  expect(matched).toBeGreaterThan(40);
}

const BIG = 200_000;

describe('linear rewrites find what the regular expressions found', () => {
  test('a trailing comment (`(^|\\s)#.*$`, `(?<!\\s)\\s+#.*$`)', () => {
    same(['#', ' #', 'a', ' ', 'x # y'], (l) => /(^|\s)#.*$/.exec(l)?.index, (l) => matchThenRestOfText(/(^|\s)#/g, l)?.match.index);
    same(['#', ' #', ' ', 'DL3000', ','], (l) => /(?<!\s)\s+#.*$/.exec(l)?.index, (l) => matchThenRestOfText(/(?<!\s)\s+#/g, l)?.match.index);
    same(['flask', ' # c', 'x==1'], (text) => text.split(/\r?\n/).map((l) => l.replace(/(^|\s)#.*$/, '')), (text) => text.split(/\r?\n/).map((l) => l.slice(0, matchThenRestOfText(/(^|\s)#/g, l)?.match.index ?? l.length)));
    expect(requirementNames(`${' #'.repeat(BIG)}\rflask\n`)).toEqual([]);
  });

  test('[…] lists (`=\\s*\\[([^\\]]*)\\]`)', () => {
    same(['=', ' = ', '[', ']', '"a"', 'x'], (s) => [...s.matchAll(/=\s*\[([^\]]*)\]/g)].map((m) => m[1]), (s) => bracketLists(/=\s*\[/g, s));
    expect(bracketLists(/=\s*\[/g, '=['.repeat(BIG))).toEqual([]);
  });

  test('tox brace groups (`^(.*?)\\{([^{}]*)\\}(.*)$`)', () => {
    const old = (word: string): string[] => {
      const m = /^(.*?)\{([^{}]*)\}(.*)$/.exec(word);
      return m ? m[2]!.split(',').flatMap((alt) => old(`${m[1]}${alt.trim()}${m[3]}`)) : [word];
    };
    same(['{', '}', ',', 'py', '3', '{3,1}'], old, expandBraces);
    const open = `${'{}'.repeat(BIG)}\n{`;
    expect(expandBraces(open)).toEqual([open]);
  });

  test('ports in start scripts (`\\brun\\([^)]*\\bport…`, `--bind[=\\s]+(?:[^=\\s]\\S*)?:…`)', () => {
    const old = [/\brun\([^)]*\bport\s*=\s*(\d{2,5})\b/, /--bind[=\s]+(?:[^=\s]\S*)?:(\d{2,5})\b/];
    same(['run(', 'port', '=', '8000', ')', ' ', ',', 'x', 'run(port=8000)', 'run(x, port = 90)', 'app.run(port=5000) '], (s) => (/--bind|\.listen|define|--port|PORT/.test(s) ? 'skip' : old[0]!.exec(s)?.[1]), (s) => (/--bind|\.listen|define|--port|PORT/.test(s) ? 'skip' : statedPort(s)?.toString()));
    same(['--bind', '=', ' ', ':', '80', '8080', 'x', '0.0.0.0', '--bind=0.0.0.0:8000 ', '--bind :80 '], (s) => (/run\(|\.listen|define|--port|PORT/.test(s) ? 'skip' : old[1]!.exec(s)?.[1]), (s) => (/run\(|\.listen|define|--port|PORT/.test(s) ? 'skip' : statedPort(s)?.toString()));
    expect(statedPort('run('.repeat(BIG))).toBeUndefined();
    expect(statedPort('--bind=x'.repeat(BIG))).toBeUndefined();
  });

  test('the application object (`^(\\w+)\\s*(?::[^=]+)?=\\s*(?:[\\w.]*\\.)?Flask\\(`, m)', () => {
    const re = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?::[^=]+)?=\s*(?:[A-Za-z_.]*\.)?Flask\(/m;
    const factory = /^def\s+(create_app|make_app)\s*\(\s*\)/m;
    same(['app', ':', ' = ', '=', 'Flask(', 'flask.', '\n', 'x', 'app = Flask(', 'app: T = flask.Flask(', '\napp'], (s) => (factory.test(s) ? 'skip' : re.exec(s)?.[1]), (s) => (factory.test(s) ? 'skip' : applicationObject(s, 'flask')));
    expect(applicationObject('a:\n'.repeat(BIG), 'flask')).toBeUndefined();
  });

  test('Go address constants (`\\b(?:const|var)\\s+\\w*(?:addr|port)\\w*…`)', () => {
    const re = /\b(?:const|var)\s+\w*(?:addr|Addr|port|Port)\w*\s*=\s*"[^"\s]*:(\d{2,5})"/;
    const others = /process\.env|PORT|ListenAndServe|Addr:|addr\s*:?=|\.listen|define|run\(|--port|--bind/;
    same(['var ', 'const ', 'addr', 'Addr', 'port', 'x', ' = ', '"', 'h:', '8080', '"h:80"'], (s) => (others.test(s) ? 'skip' : re.exec(s)?.[1]), (s) => (others.test(s) ? 'skip' : sourcePort(s)?.toString()));
    expect(sourcePort(`var r${'Addr'.repeat(BIG)}`)).toBeUndefined();
  });

  test('parallel job names (`^(.*?)(?: \\d+\\/\\d+|: \\[.*\\])$`)', () => {
    same(['job', ': [', ']', ' 1/2', ' ', '1', '/', 'a, b'], (s) => /^(.*?)(?: \d+\/\d+|: \[.*\])$/.exec(s)?.[1], parallelJobBase);
    expect(parallelJobBase(`${': ['.repeat(BIG)} 0/0`)).toBe(': ['.repeat(BIG));
    expect(parallelJobBase(`${': ['.repeat(BIG)}\n]`)).toBeUndefined();
  });

  test('APT source options (`\\[[^\\][]*\\b(?:trusted|allow-insecure)=yes\\b[^\\]]*\\]`)', () => {
    const re = /\[[^\][]*\b(?:trusted|allow-insecure)=yes\b[^\]]*\]/i;
    const mine = (s: string) => {
      const hit = insecureConfigText(s);
      return hit?.what.includes('package source') ? [hit.index, hit.length] : undefined;
    };
    same(['[', ']', 'trusted=yes', 'allow-insecure=yes', ' ', 'arch=amd64', 'deb '], (s) => (re.exec(s) ? [re.exec(s)!.index, re.exec(s)![0].length] : undefined), (s) => (insecureConfigText(s) && !mine(s) ? (re.exec(s) ? [re.exec(s)!.index, re.exec(s)![0].length] : undefined) : mine(s)));
    expect(insecureConfigText(`[${'trusted=yes '.repeat(BIG / 10)}`)).toBeUndefined();
  });
});
