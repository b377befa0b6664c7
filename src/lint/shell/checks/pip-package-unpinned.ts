import { assignedValue } from '../queries.js';
import { defineShellCheck } from '../check.js';
import { hasOption, pipInstall } from '../packages.js';
import { installsWhat, itOrThem, unpinnedPackages } from '../pinning.js';

const VERSION_OPERATORS = ['==', '>=', '<=', '>', '<', '!=', '~=', '==='];
const VCS = /^(git|hg|svn|bzr)(\+[a-z-]+)?:/i;
const ARCHIVE = /\.(whl|tar\.gz|tgz|tar\.bz2|tar\.xz|zip)$/i;

/**
 * Tools a CI job installs to check, document or publish the project, not to build what ships: an
 * unpinned one changes a job's verdict, never the artifact, and CD-Linter's raters judged reports of
 * them false positives (twine, sphinx, pep8, safety …). In a GitLab CI script they are not reported;
 * in a Dockerfile they end up in the image and are. `wheel` and `virtualenv` shape the build and stay.
 */
const CI_TOOLS = new Set([
  'twine', 'sphinx', 'nbsphinx', 'mkdocs', 'mkdocs-material',
  'flake8', 'pep8', 'pycodestyle', 'pyflakes', 'pylint', 'black', 'isort', 'mypy', 'ruff', 'bandit', 'safety',
  'pip-audit', 'coverage', 'codecov', 'pytest', 'pytest-cov', 'pytest-xdist', 'tox', 'nox', 'pre-commit',
  'setuptools', 'pip', 'pipenv', 'poetry', 'bumpversion', 'bump2version', 'build', 'check-manifest', 'anybadge',
]);

function isCiTool(pkg: string): boolean {
  const name = pkg.toLowerCase().replace(/\[.*/s, '').replace(/_/g, '-');
  return CI_TOOLS.has(name);
}

/** True when a pip requirement names a version, a VCS ref, or a file, directory or URL. */
function pipPinned(pkg: string): boolean {
  if (VERSION_OPERATORS.some((op) => pkg.includes(op))) return true;
  if (VCS.test(pkg)) {
    // `git+https://host/repo@v1.2`, not the user part of `git+ssh://git@host/repo`.
    const path = pkg.replace(VCS, '').replace(/^\/\/[^/@]*@/, '//');
    return path.includes('@');
  }
  return ARCHIVE.test(pkg) || pkg.startsWith('.') || pkg.includes('/');
}

export default defineShellCheck({
  name: 'pip-package-unpinned',
  hosts: ['dockerfile', 'gitlab-ci'],
  aliases: { dockerfile: ['DL3013'] },
  severity: 'warning',
  description: '`pip install` of a package without a version, outside a requirements or constraints file.',
  rationale:
    'An unpinned package is whatever PyPI has newest when the image is built or the job runs: a new major release ' +
    'of a dependency (or of a tool such as black or ansible) changes the result of the same Dockerfile or pipeline ' +
    'overnight. PyPI keeps every release, so a pin never stops working. As in hadolint (DL3013), `pkg==1.2` and ' +
    'other version specifiers, `-r`/`--requirement`, `-c`/`--constraint`, `.`, local paths, archives and VCS URLs ' +
    'with an `@ref` count as pinned, and `pip*`, `python -m pip` and `pipx` are checked. In GitLab CI scripts, tools that only check, document or publish the project (twine, ' +
    'sphinx, flake8, pytest, safety …) are not reported: they never reach the artifact, and the CD-Linter study\'s ' +
    'raters judged such reports false positives. Unlike hadolint, slipway ' +
    'reports each unpinned package on its own word, also checks `uv pip install`, accepts a `PIP_CONSTRAINT` ' +
    'variable, does not mistake the user of `git+ssh://git@host/repo` for a ref, and resolves `$VAR` operands whose ' +
    'value is known while never guessing at unknown ones.',
  howToFix:
    'Pin the version (`pip install flask==3.0.3`), or list the packages with versions in a requirements file and ' +
    'install it with `pip install -r requirements.txt` (or add `-c constraints.txt`).',
  fixable: false,
  examples: {
    bad: [
      { script: 'pip install --no-cache-dir flask gunicorn==22.0.0', image: 'python:3.12-slim' },
      { script: 'python3 -m pip install --no-cache-dir "git+https://github.com/psf/black"', image: 'python:3.12-slim', note: 'a VCS URL without @ref follows the default branch' },
    ],
    good: [
      { script: 'pip install --no-cache-dir flask==3.0.3 "gunicorn>=22,<23"', image: 'python:3.12-slim' },
      { script: 'pip install --no-cache-dir -r requirements.txt', image: 'python:3.12-slim' },
      { script: 'pip install --no-cache-dir -c constraints.txt flask ./wheels/app-1.0-py3-none-any.whl', image: 'python:3.12-slim' },
      { script: 'pip install --no-cache-dir "git+ssh://git@github.com/org/lib.git@v1.4.0"', image: 'python:3.12-slim' },
    ],
  },
  check: unpinnedPackages({
    installs(script, ctx) {
      if (ctx.variable('PIP_CONSTRAINT')) return [];
      return script.commands.flatMap((cmd) => {
        const install = pipInstall(cmd, true);
        if (!install) return [];
        const { parsed } = install;
        if (hasOption(parsed, '-r', '--requirement', '-c', '--constraint') || assignedValue(cmd, 'PIP_CONSTRAINT')) return [];
        let operands = parsed.positionals.slice(1);
        if (ctx.host === 'gitlab-ci') operands = operands.filter((w) => w.value === undefined || !isCiTool(w.value));
        if (operands.some((w) => w.value === '.')) return [];
        return [{ cmd, verb: install.verb, operands }];
      });
    },
    pinned: pipPinned,
    message: (what, first, install) => {
      const example = VCS.test(first) ? `${first}@<tag or commit>` : `${first}==<version>`;
      return `${installsWhat(install, what, first)} whatever version is newest at build time; pin ${itOrThem(what, first)} (\`${example}\`) or install from a requirements/constraints file`;
    },
  }),
});
