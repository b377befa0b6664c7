import { afterLastLineBreak } from '../../../util/linear-match.js';
import { defineRule } from '../../engine/types.js';
import type { ShellCommand, ShellWord } from '../../shell/index.js';
import { parseArgs, positionals } from '../../shell/index.js';
import { GEM_OPTIONS, pipInstall } from '../../shell/packages.js';
import type { GitlabCiDoc } from '../model/types.js';
import { reportOnce } from '../support/report.js';
import { scriptLines } from '../shell-rule.js';

/** A version that is only a major number (`1`), or a major with any minor (`1.*`, `1.x`). */
const MAJOR_ONLY = /^v?\d+$/;
const ANY_MINOR = /^v?\d+\.[*xX]$/;
/** Branch names a VCS requirement or archive URL may follow. */
const BRANCH_REF = /^(master|main|develop|development|dev|trunk|head|stable|latest|nightly)$/i;

/**
 * The ref of a VCS requirement, `main` in `pkg @ git+https://host/repo@main#egg=pkg`: what
 * `/^(?:[A-Za-z0-9._-]+\s*@\s*)?(?:git|hg|svn|bzr)\+\S+?@([^@/#]+?)(?:#.*)?$/` captures. That regex
 * scans from every `@` of the URL to the end of the text (`#.*$`) when a line break follows; here
 * each `@` is tried once, with the line break found beforehand.
 */
function vcsRef(spec: string): string | undefined {
  const head = /^(?:[A-Za-z0-9._-]+\s*@\s*)?(?:git|hg|svn|bzr)\+/.exec(spec);
  if (!head) return undefined;
  const url = head[0].length;
  const blank = /\s/g;
  blank.lastIndex = url;
  const urlEnd = blank.exec(spec)?.index ?? spec.length;
  const refEnd = /[@/#]/g;
  const lastLine = afterLastLineBreak(spec);
  // `\S+?@`: each `@` of the URL after its first character, leftmost first.
  for (let at = spec.indexOf('@', url + 1); at >= 0 && at < urlEnd; at = spec.indexOf('@', at + 1)) {
    refEnd.lastIndex = at + 1;
    const end = refEnd.exec(spec)?.index ?? spec.length;
    if (end === at + 1) continue;
    // The ref runs to the end, or to a `#` after which the text holds no line break.
    if (end === spec.length || (spec[end] === '#' && end >= lastLine)) return spec.slice(at + 1, end);
  }
  return undefined;
}

/** Why a pip requirement's version is fuzzy, or undefined when it is exact, absent or unknowable. */
function pipFuzz(req: string): string | undefined {
  const spec = req.split(';')[0]!.trim();
  const ref = vcsRef(spec);
  if (ref !== undefined) return BRANCH_REF.test(ref) ? `follows the branch \`${ref}\`, whatever it holds when the job runs` : undefined;
  const archive = /\/(?:archive|tarball|zipball)\/(?:refs\/heads\/)?([^/]+?)(?:\.zip|\.tar\.gz|\.tgz)?$/.exec(spec);
  if (archive && /^[a-z]+:\/\//i.test(spec)) return BRANCH_REF.test(archive[1]!) ? `downloads the branch \`${archive[1]}\`, whatever it holds when the job runs` : undefined;
  if (/^[a-z]+:\/\/|^[./~]/i.test(spec)) return undefined;
  const m = /^[A-Za-z0-9][A-Za-z0-9._-]*(?![A-Za-z0-9._-])(?:\[[^\]]*\])?\s*(?!\s)(.*)$/.exec(spec);
  const clauses = (m?.[1] ?? '').split(',').map((c) => c.trim()).filter((c) => c !== '');
  if (clauses.length === 0) return undefined; // no version at all: gitlab-ci/pip-package-unpinned
  const parsed = clauses.map((c) => /^(===|==|~=|!=|<=|>=|<|>)\s*(\S+)$/.exec(c)).filter((c) => c !== null);
  if (parsed.length !== clauses.length) return undefined;
  for (const [, op, version] of parsed) {
    if (op === '==' && ANY_MINOR.test(version!)) return `\`==${version}\` takes any ${version!.split('.')[0]}.x release`;
    if (op === '==' && MAJOR_ONLY.test(version!)) return `\`==${version}\` names only a major version`;
  }
  const upper = parsed.some(([, op]) => op === '<' || op === '<=' || op === '==' || op === '===' || op === '~=');
  if (upper) return undefined;
  const lower = parsed.find(([, op]) => op === '>=' || op === '>');
  return lower ? `\`${lower[1]}${lower[2]}\` has no upper bound, so it takes every future release` : 'excludes versions but otherwise takes the newest release';
}

/** Why an npm package spec's version is a range, or undefined. */
function npmFuzz(spec: string): string | undefined {
  const at = spec.indexOf('@', 1);
  if (at < 0 || spec.includes('/') !== spec.startsWith('@')) return undefined;
  const version = spec.slice(at + 1);
  if (/^[~^]/.test(version)) return `\`${version}\` is a range that takes newer ${version.startsWith('^') ? 'minor' : 'patch'} releases`;
  if (/^(>|>=)/.test(version) && !/</.test(version)) return `\`${version}\` has no upper bound`;
  if (version === '*' || version === 'x' || MAJOR_ONLY.test(version) || ANY_MINOR.test(version)) return `\`${version}\` takes any release of that range`;
  return undefined;
}

/** Why a `gem install -v` requirement is a range, or undefined. */
function gemFuzz(requirement: string): string | undefined {
  const clauses = requirement.split(',').map((c) => c.trim());
  if (clauses.some((c) => /^(<|<=|=|~>)/.test(c) || /^\d/.test(c))) return undefined;
  return clauses.some((c) => /^(>=|>)/.test(c)) ? `\`${requirement}\` has no upper bound` : undefined;
}

interface Fuzzy {
  word: ShellWord;
  what: string;
  why: string;
  fix: string;
}

function fuzzyOperands(cmd: ShellCommand): Fuzzy[] {
  const out: Fuzzy[] = [];
  const pip = pipInstall(cmd, true);
  if (pip) {
    for (const word of pip.parsed.positionals.slice(1)) {
      if (word.value === undefined) continue;
      const why = pipFuzz(word.value);
      const name = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(word.value)?.[0] ?? word.value;
      if (why) out.push({ word, what: `${pip.verb} ${word.value}`, why, fix: `pin it (\`${name}==<version>\`) or bound it (\`${name}>=X.Y,<X+1\`)` });
    }
    return out;
  }
  if (cmd.name === 'npm') {
    const [sub, ...operands] = positionals(cmd);
    if (!sub?.value || !['install', 'i', 'add', 'isntall'].includes(sub.value)) return out;
    for (const word of operands) {
      const why = word.value === undefined ? undefined : npmFuzz(word.value);
      if (why) out.push({ word, what: `npm ${sub.value} ${word.value}`, why, fix: 'pin an exact version (`pkg@1.2.3`), or install from package.json with `npm ci`' });
    }
    return out;
  }
  if (cmd.name === 'gem') {
    const parsed = parseArgs(cmd, GEM_OPTIONS);
    if (parsed.positionals[0]?.value !== 'install') return out;
    for (const option of parsed.options) {
      if ((option.name !== '-v' && option.name !== '--version') || option.value === undefined) continue;
      const why = gemFuzz(option.value);
      if (why) out.push({ word: option.valueWord ?? option.word, what: `gem install -v '${option.value}'`, why, fix: "pin the version (`-v 1.2.3`) or use a pessimistic bound (`-v '~> 1.2'`)" });
    }
  }
  return out;
}

export default defineRule<GitlabCiDoc>({
  meta: {
    id: 'gitlab-ci/install-version-range',
    kind: 'gitlab-ci',
    severity: 'warning',
    description: 'A package installed in a job with a version range instead of a version: `pip install "x>=1.2"`, `x==1.*`, `x==2`, `git+…@master`, `npm i -g x@^1`, `gem install x -v ">= 1"`.',
    rationale:
      'CD-Linter\'s "Fuzzy Version" smell (Vassallo et al., 2020): a range with no upper bound, a wildcard or a bare major version takes whatever release is newest when the job runs, so the same commit builds differently tomorrow and a new major release breaks the pipeline with no change in the repository. A VCS requirement or archive that follows a branch (`@master`, `/archive/main.zip`) is the same. A package with no version at all is reported by gitlab-ci/pip-package-unpinned (and its npm, gem, apk siblings); requirements files are not read here; `~=`, `~>` and bounded ranges (`>=1.2,<2`) are accepted.',
    howToFix: 'Pin the version (`pip install "requests==2.32.3"`), bound the range (`"requests>=2.32,<3"`), or install from a requirements or lock file.',
    fixable: false,
    aliases: [],
    examples: {
      bad: [
        { code: 'test:\n  image: python:3.12\n  script:\n    - pip install "requests>=2.0" pytest==8.3.3\n    - pytest\n' },
        { code: 'docs:\n  image: python:3.12\n  script:\n    - pip install sphinx==7.* git+https://github.com/org/theme.git@master\n    - make html\n' },
      ],
      good: [
        { code: 'test:\n  image: python:3.12\n  script:\n    - pip install "requests>=2.32,<3" pytest==8.3.3\n    - pytest\n' },
        { code: 'test:\n  image: python:3.12\n  script:\n    - pip install -r requirements.txt "git+https://github.com/org/lib.git@v1.4.0"\n    - pytest\n' },
      ],
    },
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const { line, script } of scriptLines(ctx.doc)) {
      for (const cmd of script.commands) {
        for (const f of fuzzyOperands(cmd)) {
          report({ file: line.file, span: f.word.span }, `\`${f.what}\` ${f.why} (Fuzzy Version): ${f.fix}`);
        }
      }
    }
  },
});
