/**
 * No regular expression in src/ backtracks catastrophically. Every pattern — found in the source
 * with the TypeScript compiler API (test/robustness/regex-inventory.ts), so a new one is checked
 * without being listed — goes through scslre, the analyser behind eslint-plugin-regexp's
 * no-super-linear-backtracking and no-super-linear-move rules. It decides from the pattern alone,
 * with no timing and no randomness, whether some input makes the match super-linear:
 *
 * - Trade/Self: two quantifiers (or one with itself) can share the same characters, so a failing
 *   match tries every way of splitting them (`\s*=\s*` is fine, `\s*\s+x` is not);
 * - Move: an unanchored search retries every start position and each retry can run to the end of
 *   the input (`/\/+$/` on a long run of slashes followed by anything else).
 *
 * scslre only tries attack strings that repeat one character. A second check (regex-steps.ts) runs
 * every pattern with a step-counting backtracking matcher on attack strings built from the
 * pattern's own pieces (`$(` repeated, `: [` repeated, then a failing suffix) and fails when 4 times
 * the input takes more than 10 times the steps: no clock, so the same verdict on a busy machine.
 *
 * A finding fails with the pattern's file:line and an attack string. Patterns built at run time
 * (from target names, globs, option names) are listed below with the generators that build them;
 * a dynamic site missing from that list fails too, so it cannot slip past.
 */
import { analyse, type Report } from 'scslre';
import { describe, expect, test } from 'vitest';
import { inventory, type StaticRegex } from './regex-inventory.js';
import { agreesWithV8, hasBackreference, stepCheck } from './regex-steps.js';

const found = inventory(process.cwd());

/** A report in words: the kind, and an input that shows it. */
function describeReport(r: Report): string {
  const ch = JSON.stringify(r.character.pick);
  const how = r.exponential ? 'exponential backtracking' : r.type === 'Move' ? 'quadratic search (every start position runs to the end)' : 'polynomial backtracking';
  return `${how}, e.g. on ${ch}.repeat(50000) followed by a character that makes it fail`;
}

function problems(regexes: readonly StaticRegex[]): string[] {
  const out: string[] = [];
  for (const re of regexes) {
    let reports: Report[];
    try {
      reports = analyse({ source: re.source, flags: re.flags }).reports;
    } catch (err) {
      out.push(`${re.where}: /${re.source}/${re.flags}: cannot be analysed: ${(err as Error).message}`);
      continue;
    }
    if (reports.length) out.push(`${re.where}: /${re.source}/${re.flags}: ${describeReport(reports[0]!)}`);
  }
  return out;
}

/** Each pattern once (the same source and flags appear in several files). */
function distinct(regexes: readonly StaticRegex[]): StaticRegex[] {
  const seen = new Map<string, StaticRegex>();
  for (const re of regexes) if (!seen.has(`${re.flags}/${re.source}`)) seen.set(`${re.flags}/${re.source}`, re);
  return [...seen.values()];
}

/** The step check's findings (regex-steps.ts), one line each with the attack string. */
function stepProblems(regexes: readonly StaticRegex[]): string[] {
  const out: string[] = [];
  for (const re of distinct(regexes)) {
    if (hasBackreference(re.source, re.flags)) continue;
    const r = stepCheck(re.source, re.flags);
    if (!r) continue;
    const attack = `${JSON.stringify(r.prefix)} + ${JSON.stringify(r.unit)}.repeat(n) + ${JSON.stringify(r.suffix)}`;
    out.push(`${re.where}: /${re.source}/${re.flags}: ${r.steps[0]} steps for n = ${r.sizes[0]}, ${r.steps[1]} for n = ${r.sizes[1]} on ${attack}`);
  }
  return out;
}

/**
 * Patterns built at run time, by site (file and the text of the pattern argument), with what they
 * are built from. `samples` are the sources the site makes for the values slipway passes or a
 * hostile input could pass; `compiledOnly` marks a site that compiles a pattern to check its syntax
 * and never runs it.
 */
interface DynamicEntry {
  file: string;
  argument: string;
  builtFrom: string;
  samples?: () => StaticRegex[];
  compiledOnly?: true;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sample = (where: string, source: string, flags = ''): StaticRegex => ({ where, source, flags });

/** Make target names, as a hostile Makefile could name them. */
const TARGETS = ['build', 'dist/app.tar.gz', 'a.b-c_d', '....', '------'];

const DYNAMIC: DynamicEntry[] = [
  {
    file: 'src/lint/shell/apt.ts',
    argument: "`${name.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&')}(?:\\\\s*=\\\\s*|\\\\s+)\"?([^\";\\\\s]*)`",
    builtFrom: 'the APT option names the shell checks ask for',
    samples: () =>
      ['APT::Install-Recommends', 'APT::Get::Assume-Yes'].map((name) =>
        sample('src/lint/shell/apt.ts (aptConfigured)', `${escapeRe(name)}(?:\\s*=\\s*|\\s+)"?([^";\\s]*)`, 'gi'),
      ),
  },
  {
    file: 'src/lint/engine/suppressions.ts',
    argument: '`[^${separators}]+`',
    builtFrom: 'the separators of rule lists in suppression comments',
    samples: () => [',\\s', ','].map((sep) => sample('src/lint/engine/suppressions.ts (splitNames)', `[^${sep}]+`, 'g')),
  },
  ...[
    'n',
    '`>>?\\\\s*["\']?${n}`',
    '`(?:^|\\\\s)(?:-o|--output|--out|-d|--dest|--target)(?:\\\\s+|=)["\']?${n}`',
    '`\\\\s["\']?${n}["\']?\\\\s*(?:$|[;&|\\\\n])`',
    "`(?<![\\\\w-])${escapeRe(name)}(?![\\\\w-])`",
  ].map((argument, i): DynamicEntry => ({
    file: 'src/lint/makefile/task-targets.ts',
    argument,
    builtFrom: 'Makefile target names (lint input); the `mkdir`/`cp` before them is found by laterInCommand',
    samples: () =>
      TARGETS.map((name) => {
        const n = `(?<![\\w./-])${escapeRe(name)}(?![\\w.-])`;
        const sources = [
          n,
          `>>?\\s*["']?${n}`,
          `(?:^|\\s)(?:-o|--output|--out|-d|--dest|--target)(?:\\s+|=)["']?${n}`,
          `\\s["']?${n}["']?\\s*(?:$|[;&|\\n])`,
          `(?<![\\w-])${escapeRe(name)}(?![\\w-])`,
        ];
        return sample(`src/lint/makefile/task-targets.ts (target ${JSON.stringify(name)})`, sources[i]!, ['g', '', '', 'gm', ''][i]);
      }),
  })),
  {
    file: 'src/lint/gitlab-ci/rules/only-except-deprecated.ts',
    argument: "`!reference\\\\s*\\\\[\\\\s*[\"']?${escaped}[\"']?\\\\s*,`",
    builtFrom: 'job names of a .gitlab-ci.yml (lint input), escaped',
    samples: () =>
      ['test', 'deploy:prod', '.hidden', 'a b'].map((name) =>
        sample('src/lint/gitlab-ci/rules/only-except-deprecated.ts', `!reference\\s*\\[\\s*["']?${escapeRe(name)}["']?\\s*,`),
      ),
  },
  {
    file: 'src/lint/gitlab-ci/rules/only-except-deprecated.ts',
    argument: 're[1]!',
    builtFrom: 'an `only:` regex of a .gitlab-ci.yml',
    compiledOnly: true,
  },
  {
    file: 'src/lint/gitlab-ci/expression/parse.ts',
    argument: 'jsSource',
    builtFrom: 'a `rules: if:` pattern of a .gitlab-ci.yml',
    compiledOnly: true,
  },
  {
    file: 'src/lint/cross/support/dockerignore.ts',
    argument: '`^${source}$`',
    builtFrom: 'one character class or escaped character of a .dockerignore pattern (lint input), tested on one character',
    samples: () => ['[a-c]', '[^a]', '\\*', '\\d', '[\\\\]'].map((re) => sample('src/lint/cross/support/dockerignore.ts (charTest)', `^${re}$`)),
  },
  {
    file: 'src/init/python-sources.ts',
    argument: '`^${key}\\\\s*[=:]`',
    builtFrom: 'INI keys slipway init looks for (constants)',
    samples: () => ['python_requires', 'install_requires', 'packages'].map((key) => sample('src/init/python-sources.ts (iniValue)', `^${key}\\s*[=:]`)),
  },
  {
    file: 'src/init/python-sources.ts',
    argument: '`^[^\\\\S\\\\n\\\\r\\\\u2028\\\\u2029]*(from|import)\\\\s+${framework}\\\\b`',
    builtFrom: 'framework names (constants)',
    samples: () => ['fastapi', 'flask', 'tornado'].map((f) => sample('src/init/python-sources.ts (importedFramework)', `^[^\\S\\n\\r\\u2028\\u2029]*(from|import)\\s+${f}\\b`, 'm')),
  },
  {
    file: 'src/init/propose.ts',
    argument: '`["\']${path}/?["\']`',
    builtFrom: 'health paths (constants)',
    samples: () => ['/health', '/healthz', '/ping'].map((path) => sample('src/init/propose.ts (healthPath)', `["']${path}/?["']`)),
  },
];

/**
 * Patterns that were slow on a repeated sequence of characters, which scslre passes, as they were
 * before they were rewritten: the step check must keep finding each.
 */
const SLOW_ON_A_SEQUENCE: StaticRegex[] = [
  ['src/lint/makefile/parse.ts', '\\$[({][^)}]*[)}]', 'g'],
  ['src/lint/gitlab-ci/support/job-order.ts', '^(.*?)(?: \\d+\\/\\d+|: \\[.*\\])$', ''],
  ['src/lint/dockerfile/archives.ts', '^[\\w.-]+\\.[a-z]{2,}\\/.+\\.git(#.*)?$', 'i'],
  ['src/lint/dockerfile/rules/curl-and-wget-both-used.ts', '-\\d.*$', ''],
  ['src/lint/engine/suppressions.ts', '(?<!\\s)\\s+#.*$', ''],
  ['src/lint/gitlab-ci/rules/install-version-range.ts', '^(?:[A-Za-z0-9._-]+\\s*@\\s*)?(?:git|hg|svn|bzr)\\+\\S+?@([^@/#]+?)(?:#.*)?$', ''],
  ['src/lint/shell/insecure-settings.ts', '\\[[^\\][]*\\b(?:trusted|allow-insecure)=yes\\b[^\\]]*\\]', 'i'],
  ['src/lint/tox/rules/pip-install-in-commands.ts', '(?:^|[\\s;&|/(])(pip[\\d.]*\\s+install)\\b(.*)$', ''],
  ['src/lint/makefile/task-targets.ts', '\\b(?:mkdir|touch|virtualenv|venv|install\\s+-d)\\b[^;&|\\n]*(?<![\\w./-])build(?![\\w.-])', ''],
  ['src/lint/makefile/task-targets.ts', '\\b(?:cp|mv|ln|rsync)\\b[^;&|\\n]*\\s["\']?(?<![\\w./-])build(?![\\w.-])["\']?\\s*(?:$|[;&|\\n])', 'm'],
  ['src/init/detect.ts', '^dependencies\\s*=\\s*\\[([^\\]]*)\\]', 'm'],
  ['src/init/detect.ts', '=\\s*\\[([^\\]]*)\\]', 'g'],
  ['src/init/node-go-detect.ts', '\\b(?:const|var)\\s+\\w*(?:addr|Addr|port|Port)\\w*\\s*=\\s*"[^"\\s]*:(\\d{2,5})"', ''],
  ['src/init/python-sources.ts', '(^|\\s)#.*$', ''],
  ['src/init/python-sources.ts', '^(.*?)\\{([^{}]*)\\}(.*)$', ''],
  ['src/init/python-sources.ts', '\\brun\\([^)]*\\bport\\s*=\\s*(\\d{2,5})\\b', ''],
  ['src/init/python-sources.ts', '--bind[=\\s]+(?:[^=\\s]\\S*)?:(\\d{2,5})\\b', ''],
  ['src/init/python-sources.ts', '^([A-Za-z_][A-Za-z0-9_]*)\\s*(?::[^=]+)?=\\s*(?:[A-Za-z_.]*\\.)?Flask\\(', 'm'],
].map(([where, source, flags]) => sample(where!, source!, flags));

describe('regular expressions in src/', () => {
  test('the inventory finds the literals and the constructed patterns', () => {
    // Not vacuous: hundreds of literals, and constants folded into `new RegExp(…)`.
    expect(found.regexes.length).toBeGreaterThan(500);
    expect(found.regexes.some((r) => r.where.startsWith('src/lint/shell/insecure-settings.ts') && r.source.startsWith('APT::Get::AllowUnauthenticated'))).toBe(true);
  });

  test('every static pattern is free of super-linear backtracking', () => {
    expect(problems(found.regexes)).toEqual([]);
  });

  test('every pattern built at run time is listed with its generator', () => {
    const listed = (s: { file: string; argument: string }) => DYNAMIC.some((d) => d.file === s.file && d.argument === s.argument);
    expect(found.dynamic.filter((s) => !listed(s)).map((s) => `${s.where}: new RegExp(${s.argument}) is not in DYNAMIC`)).toEqual([]);
    const present = (d: DynamicEntry) => found.dynamic.some((s) => s.file === d.file && s.argument === d.argument);
    expect(DYNAMIC.filter((d) => !present(d)).map((d) => `${d.file}: ${d.argument} is listed but no longer in the source`)).toEqual([]);
  });

  test('every pattern built at run time is free of super-linear backtracking', () => {
    const samples = DYNAMIC.flatMap((d) => (d.samples ? d.samples() : []));
    expect(problems(samples)).toEqual([]);
  });

  test('every static pattern takes linearly many steps on attack strings built from its pieces', () => {
    expect(stepProblems(found.regexes)).toEqual([]);
  });

  test('every pattern built at run time takes linearly many steps on attack strings built from its pieces', () => {
    expect(stepProblems(DYNAMIC.flatMap((d) => (d.samples ? d.samples() : [])))).toEqual([]);
  });

  test('the step check finds the patterns that were slow on a repeated sequence, which scslre passes', () => {
    expect(problems(SLOW_ON_A_SEQUENCE)).toEqual([]);
    const flagged = stepProblems(SLOW_ON_A_SEQUENCE).map((p) => p.slice(0, p.indexOf(': /')));
    expect(flagged).toEqual(distinct(SLOW_ON_A_SEQUENCE).map((r) => r.where));
    // and passes what they became, and a sticky pattern tried at one position only.
    const fixed = [sample('a', '=\\s*\\[', 'g'), sample('b', '(?<!\\s)\\s+#', 'g'), sample('c', '\\/(?:[^/\\n]|\\\\\\/)+[^\\\\\\n]\\/[ismU]*', 'y')];
    expect(stepProblems(fixed)).toEqual([]);
  });

  test("the step check's matcher finds a match exactly when V8 does", () => {
    const inputs = ['', 'a', 'abc def', 'FROM x AS y', '$(a) ${b}', 'a: [b]', 'pip install -r x', '# c', 'key = value', '"q"', "'x'", 'a\nb\r\n', 'h.io/o/r.git#main', 'curl -fsSL https://x | sh', 'DL3000', 'x-1.2', '[trusted=yes]'];
    const disagree: string[] = [];
    for (const re of distinct([...found.regexes, ...SLOW_ON_A_SEQUENCE])) {
      if (hasBackreference(re.source, re.flags)) continue;
      for (const input of inputs) if (!agreesWithV8(re.source, re.flags, input)) disagree.push(`${re.where}: /${re.source}/${re.flags} on ${JSON.stringify(input)}`);
    }
    expect(disagree).toEqual([]);
  });

  test('only a backreference keeps a pattern from the step check (scslre still checks it)', () => {
    const skipped = distinct(found.regexes).filter((re) => hasBackreference(re.source, re.flags));
    expect(skipped.filter((re) => !/\\[1-9]|\\k</.test(re.source)).map((re) => re.where)).toEqual([]);
    expect(skipped.length).toBeLessThan(20);
  });

  test('the analyser catches the kinds of pattern it is here for', () => {
    const kinds = problems([
      { where: 'exponential', source: '^(a+)+$', flags: '' },
      { where: 'polynomial', source: '\\s*\\s+x', flags: '' },
      { where: 'move', source: '\\/+$', flags: '' },
      { where: 'safe', source: '^[^/]*\\/?$', flags: '' },
    ]);
    expect(kinds.map((k) => k.split(':')[0])).toEqual(['exponential', 'polynomial', 'move']);
  });
});
